package dev.strongroom.crypto.kdf;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Pure-Java Argon2 from Bouncy Castle: always available, single-threaded (lanes are computed one
 * after the other), roughly 2x slower than the native engine at p = 4. The fallback when the native
 * library cannot be loaded.
 */
final class BouncyCastleArgon2Engine implements Argon2Engine {

    static final String NAME = "bouncycastle-java";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String toString() {
        return NAME;
    }

    @Override
    public byte[] hash(
            InsecureArgon2Costs costs,
            byte[] password,
            byte[] salt,
            byte[] secret,
            byte[] associatedData) {
        Argon2Parameters.Builder builder =
                new Argon2Parameters.Builder(costs.type().bouncyCastleId)
                        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                        .withMemoryAsKB(costs.memoryKiB())
                        .withIterations(costs.iterations())
                        .withParallelism(costs.parallelism())
                        .withSalt(salt);
        if (secret != null && secret.length > 0) {
            builder.withSecret(secret);
        }
        if (associatedData != null && associatedData.length > 0) {
            builder.withAdditional(associatedData);
        }
        Argon2Parameters parameters = builder.build();
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            byte[] tag = new byte[costs.tagLength()];
            generator.generateBytes(password, tag);
            return tag;
        } finally {
            // Wipes Bouncy Castle's copies of salt, secret and associated data.
            parameters.clear();
            builder.clear();
        }
    }
}
