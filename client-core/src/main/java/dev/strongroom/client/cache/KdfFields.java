package dev.strongroom.client.cache;

import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.kdf.KdfParams;
import dev.strongroom.crypto.kdf.Pbkdf2Params;

/**
 * KDF parameters as stored: an algorithm name and three numbers (unused ones are 0). Turning them
 * back into {@link KdfParams} re-runs the floor and ceiling checks of crypto-core.
 */
record KdfFields(String algorithm, int memoryKiB, int iterations, int parallelism) {

    static final String ARGON2ID = "argon2id";
    static final String PBKDF2 = "pbkdf2-hmac-sha256";

    static KdfFields of(KdfParams params) {
        if (params instanceof Argon2idParams a) {
            return new KdfFields(ARGON2ID, a.memoryKiB(), a.iterations(), a.parallelism());
        }
        if (params instanceof Pbkdf2Params p) {
            return new KdfFields(PBKDF2, 0, p.iterations(), 0);
        }
        throw new IllegalArgumentException("unknown KDF parameters");
    }

    KdfParams toParams() {
        return switch (algorithm) {
            case ARGON2ID -> new Argon2idParams(memoryKiB, iterations, parallelism);
            case PBKDF2 -> new Pbkdf2Params(iterations);
            default -> throw new CacheCorruptException("unknown pinned KDF algorithm");
        };
    }
}
