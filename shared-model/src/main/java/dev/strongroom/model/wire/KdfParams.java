package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

/**
 * An account's password-hashing parameters as sent at registration and returned by prelogin. {@code
 * argon2id} uses memoryKib, iterations and parallelism; {@code pbkdf2-sha256} uses only iterations
 * (the others are null). Clients enforce their own floors whatever a server says and pin what they
 * saw; the server refuses parameters below the same floors at registration.
 */
public record KdfParams(
        String algorithm, Integer memoryKib, Integer iterations, Integer parallelism, byte[] salt) {

    public static final String ARGON2ID = "argon2id";
    public static final String PBKDF2_SHA256 = "pbkdf2-sha256";

    public KdfParams {
        present(algorithm, "algorithm");
        present(salt, "salt");
        switch (algorithm) {
            case ARGON2ID -> {
                present(memoryKib, "memoryKib");
                present(iterations, "iterations");
                present(parallelism, "parallelism");
            }
            case PBKDF2_SHA256 -> {
                present(iterations, "iterations");
                if (memoryKib != null || parallelism != null) {
                    throw new IllegalArgumentException(
                            "pbkdf2-sha256 takes no memoryKib or parallelism");
                }
            }
            default -> throw new IllegalArgumentException("unknown KDF algorithm");
        }
    }

    public static KdfParams argon2id(int memoryKib, int iterations, int parallelism, byte[] salt) {
        return new KdfParams(ARGON2ID, memoryKib, iterations, parallelism, salt);
    }

    public static KdfParams pbkdf2(int iterations, byte[] salt) {
        return new KdfParams(PBKDF2_SHA256, null, iterations, null, salt);
    }
}
