package dev.strongroom.crypto.kdf;

/**
 * Parameters of the password KDF of an account. The two implementations validate themselves on
 * construction, so holding an instance means the parameters are within the floors and ceilings.
 */
public sealed interface KdfParams permits Argon2idParams, Pbkdf2Params {}
