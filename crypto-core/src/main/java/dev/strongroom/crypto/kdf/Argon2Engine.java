package dev.strongroom.crypto.kdf;

/**
 * One implementation of Argon2 (RFC 9106, version 0x13). Implementations must give bit-identical
 * output for the same inputs; the tests run both on the same vectors and on random inputs.
 */
interface Argon2Engine {

    /** Short stable name, reported by {@link Argon2id#engineName()}. */
    String name();

    /**
     * Computes the Argon2 tag. Inputs are not modified and not retained; the caller owns and wipes
     * them, and owns the returned array.
     *
     * @param password non-empty password bytes
     * @param salt salt, at least 8 bytes
     * @param secret optional secret key K (null or empty for none)
     * @param associatedData optional associated data X (null or empty for none)
     */
    byte[] hash(
            InsecureArgon2Costs costs,
            byte[] password,
            byte[] salt,
            byte[] secret,
            byte[] associatedData);
}
