package dev.strongroom.crypto.kdf;

import dev.strongroom.crypto.api.ParameterRejectedException;

/**
 * Raw Argon2 costs checked only against the limits of RFC 9106 itself, with NO security floor: 32
 * KiB and one pass are accepted. Package-private on purpose: it exists so the engines can run the
 * RFC and reference test vectors (which use tiny costs). Product code reaches the engines only
 * through {@link Argon2idParams}, whose constructor enforces the floors.
 */
record InsecureArgon2Costs(
        Argon2Type type, int memoryKiB, int iterations, int parallelism, int tagLength) {

    /** RFC 9106 section 3.1: p in [1, 2^24 - 1], m >= 8p, t >= 1, tag >= 4 bytes. */
    InsecureArgon2Costs {
        if (type == null) {
            throw new ParameterRejectedException("Argon2 type must be given");
        }
        if (parallelism < 1 || parallelism > (1 << 24) - 1) {
            throw new ParameterRejectedException(
                    "Argon2 parallelism " + parallelism + " is outside [1, 16777215]");
        }
        if (memoryKiB < 8L * parallelism) {
            throw new ParameterRejectedException(
                    "Argon2 memoryKiB " + memoryKiB + " is below 8 x parallelism");
        }
        if (iterations < 1) {
            throw new ParameterRejectedException("Argon2 iterations " + iterations + " is < 1");
        }
        if (tagLength < 4) {
            throw new ParameterRejectedException("Argon2 tagLength " + tagLength + " is < 4");
        }
    }

    /** The product's costs: Argon2id with a 32-byte tag. */
    static InsecureArgon2Costs of(Argon2idParams params) {
        return new InsecureArgon2Costs(
                Argon2Type.ARGON2ID,
                params.memoryKiB(),
                params.iterations(),
                params.parallelism(),
                PasswordKdf.MASTER_KEY_LENGTH);
    }
}
