package dev.strongroom.crypto.kdf;

/**
 * Argon2id as used for the master key, and which implementation runs it.
 *
 * <p>Derivation itself goes through {@link PasswordKdf#deriveMasterKey}; this class only tells
 * callers (diagnostics, "about" screens, benchmarks) which engine the JVM selected.
 */
public final class Argon2id {

    private Argon2id() {}

    /**
     * The engine in use: {@code "native-libargon2"} (reference C implementation via argon2-jvm) or
     * {@code "bouncycastle-java"} (pure-Java fallback); {@code "unavailable"} only when the system
     * property {@code strongroom.argon2.engine} demanded an engine that cannot be used. The first
     * call triggers the one-time selection (and the native library load).
     */
    public static String engineName() {
        return Argon2Engines.selected().name();
    }

    /** The master-key derivation: floors already enforced by {@link Argon2idParams}. */
    static byte[] derive(byte[] password, byte[] salt, Argon2idParams params) {
        return Argon2Engines.selected()
                .hash(InsecureArgon2Costs.of(params), password, salt, null, null);
    }
}
