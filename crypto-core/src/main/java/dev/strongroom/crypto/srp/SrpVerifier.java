package dev.strongroom.crypto.srp;

import dev.strongroom.crypto.api.ParameterRejectedException;
import java.math.BigInteger;

/**
 * Computes the SRP verifier that the client registers with the server: {@code PAD(v)} with {@code v
 * = g^x mod N} and {@code x = H(salt | H(identity | ":" | secret))} (RFC 2945 / RFC 5054). The
 * verifier is not password-equivalent, but it allows an offline guessing attack on the secret, so
 * the server still treats it as confidential.
 */
public final class SrpVerifier {

    /** Minimum salt length; the product uses 16 or more random bytes per account. */
    public static final int MIN_SALT_LENGTH = 16;

    private SrpVerifier() {}

    /**
     * @param identity the login identity I, in the canonical byte form both sides use
     * @param secret the authentication secret P (in Strongroom, derived from the master key by
     *     HKDF, never the password itself); read, not retained
     * @param salt the SRP salt s, at least 16 bytes
     * @return PAD(v), {@link SrpGroup#length()} bytes
     */
    public static byte[] compute(SrpGroup group, byte[] identity, byte[] secret, byte[] salt) {
        checkInputs(group, identity, secret, salt);
        BigInteger x = SrpMath.x(group, salt, identity, secret);
        return group.pad(SrpMath.verifier(group, x));
    }

    static void checkInputs(SrpGroup group, byte[] identity, byte[] secret, byte[] salt) {
        if (group == null) {
            throw new ParameterRejectedException("SRP group must be given");
        }
        if (identity == null || identity.length == 0) {
            throw new ParameterRejectedException("SRP identity must not be empty");
        }
        if (secret == null || secret.length == 0) {
            throw new ParameterRejectedException("SRP secret must not be empty");
        }
        if (salt == null || salt.length < MIN_SALT_LENGTH) {
            throw new ParameterRejectedException(
                    "SRP salt must be at least "
                            + MIN_SALT_LENGTH
                            + " bytes, got "
                            + (salt == null ? "none" : salt.length + " bytes"));
        }
    }
}
