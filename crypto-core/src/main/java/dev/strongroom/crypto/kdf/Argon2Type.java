package dev.strongroom.crypto.kdf;

import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The three Argon2 variants of RFC 9106. The product only uses {@link #ARGON2ID}; d and i exist so
 * that the engines can be checked against the RFC 9106 and reference vectors of all variants.
 */
enum Argon2Type {
    ARGON2D(Argon2Parameters.ARGON2_d, Argon2Types.ARGON2d),
    ARGON2I(Argon2Parameters.ARGON2_i, Argon2Types.ARGON2i),
    ARGON2ID(Argon2Parameters.ARGON2_id, Argon2Types.ARGON2id);

    final int bouncyCastleId;
    final Argon2Types nativeType;

    Argon2Type(int bouncyCastleId, Argon2Types nativeType) {
        this.bouncyCastleId = bouncyCastleId;
        this.nativeType = nativeType;
    }

    /** Parses "argon2d", "Argon2i", "argon2id" (the spellings used by the vector files). */
    static Argon2Type parse(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "argon2d" -> ARGON2D;
            case "argon2i" -> ARGON2I;
            case "argon2id" -> ARGON2ID;
            default -> throw new IllegalArgumentException("unknown Argon2 type: " + name);
        };
    }
}
