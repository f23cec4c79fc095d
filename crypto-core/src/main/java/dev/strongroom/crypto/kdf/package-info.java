/**
 * Password-based key derivation: master password to master key.
 *
 * <p>{@link dev.strongroom.crypto.kdf.PasswordKdf} is the entry point. Parameters are {@link
 * dev.strongroom.crypto.kdf.KdfParams}: {@link dev.strongroom.crypto.kdf.Argon2idParams} (the
 * default) or {@link dev.strongroom.crypto.kdf.Pbkdf2Params}. Both records refuse, at construction,
 * anything below the security floor (so a server cannot downgrade a client) or above the resource
 * ceiling (so a server cannot make a client exhaust memory or hang).
 *
 * <p>Argon2id runs on the native reference implementation (libargon2 via argon2-jvm) when it loads
 * and on Bouncy Castle's pure-Java implementation otherwise; {@link
 * dev.strongroom.crypto.kdf.Argon2id#engineName()} says which one this JVM uses.
 */
package dev.strongroom.crypto.kdf;
