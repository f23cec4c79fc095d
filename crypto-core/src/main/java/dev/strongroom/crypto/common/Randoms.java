package dev.strongroom.crypto.common;

import java.security.SecureRandom;

/**
 * The one source of randomness in Strongroom. Every nonce, salt, key and generated password comes
 * from here, so no code path can pick a weaker generator by accident.
 */
public final class Randoms {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Randoms() {}

    public static byte[] bytes(int length) {
        byte[] out = new byte[length];
        RANDOM.nextBytes(out);
        return out;
    }

    public static void fill(byte[] out) {
        RANDOM.nextBytes(out);
    }

    /** Uniform integer in [0, bound) without modulo bias (SecureRandom.nextInt rejects). */
    public static int uniform(int bound) {
        return RANDOM.nextInt(bound);
    }

    public static SecureRandom secureRandom() {
        return RANDOM;
    }
}
