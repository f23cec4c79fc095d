package dev.strongroom.crypto.srp;

import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.Randoms;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The SRP-6a formulas of the package documentation, one method each, so the RFC 5054 Appendix B
 * vector can check every intermediate value. Package-private: callers use {@link SrpClient}, {@link
 * SrpServer} and {@link SrpVerifier}.
 */
final class SrpMath {

    /** Size of the ephemeral secrets a and b: RFC 5054 asks for at least 256 bits. */
    static final int EPHEMERAL_SECRET_BYTES = 32;

    private static final byte[] COLON = ":".getBytes(StandardCharsets.US_ASCII);

    private SrpMath() {}

    /** k = H(PAD(N) | PAD(g)). */
    static BigInteger k(SrpGroup group) {
        return toInt(group.hash(group.pad(group.n()), group.pad(group.g())));
    }

    /** x = H(s | H(I | ":" | P)), as an unsigned integer. */
    static BigInteger x(SrpGroup group, byte[] salt, byte[] identity, byte[] secret) {
        byte[] inner = group.hash(identity, COLON, secret);
        try {
            return toInt(group.hash(salt, inner));
        } finally {
            Bytes.wipe(inner);
        }
    }

    /** v = g^x mod N. */
    static BigInteger verifier(SrpGroup group, BigInteger x) {
        return group.g().modPow(x, group.n());
    }

    /** A = g^a mod N. */
    static BigInteger publicA(SrpGroup group, BigInteger a) {
        return group.g().modPow(a, group.n());
    }

    /** B = (k*v + g^b) mod N. */
    static BigInteger publicB(SrpGroup group, BigInteger v, BigInteger b) {
        return k(group).multiply(v).add(group.g().modPow(b, group.n())).mod(group.n());
    }

    /** u = H(PAD(A) | PAD(B)). */
    static BigInteger u(SrpGroup group, BigInteger publicA, BigInteger publicB) {
        return toInt(group.hash(group.pad(publicA), group.pad(publicB)));
    }

    /** Client premaster secret S = (B - k*g^x)^(a + u*x) mod N. */
    static BigInteger clientS(
            SrpGroup group, BigInteger publicB, BigInteger x, BigInteger a, BigInteger u) {
        BigInteger n = group.n();
        BigInteger base = publicB.subtract(k(group).multiply(group.g().modPow(x, n))).mod(n);
        return base.modPow(a.add(u.multiply(x)), n);
    }

    /** Server premaster secret S = (A * v^u)^b mod N. */
    static BigInteger serverS(
            SrpGroup group, BigInteger publicA, BigInteger v, BigInteger u, BigInteger b) {
        BigInteger n = group.n();
        return publicA.multiply(v.modPow(u, n)).mod(n).modPow(b, n);
    }

    /** K = H(PAD(S)). */
    static byte[] sessionKey(SrpGroup group, BigInteger s) {
        byte[] padded = group.pad(s);
        try {
            return group.hash(padded);
        } finally {
            Bytes.wipe(padded);
        }
    }

    /** M1 = H(PAD(A) | PAD(B) | K). */
    static byte[] clientProof(
            SrpGroup group, BigInteger publicA, BigInteger publicB, byte[] sessionKey) {
        return group.hash(group.pad(publicA), group.pad(publicB), sessionKey);
    }

    /** M2 = H(PAD(A) | M1 | K). */
    static byte[] serverProof(SrpGroup group, BigInteger publicA, byte[] m1, byte[] sessionKey) {
        return group.hash(group.pad(publicA), m1, sessionKey);
    }

    /**
     * Parses a public value received from the peer and refuses anything outside [1, N-1]: a value
     * that is 0 mod N would force S to 0 (RFC 5054 section 2.5.4), and the honest peer only ever
     * sends canonical values below N.
     */
    static BigInteger receivePublic(SrpGroup group, byte[] encoded, String name) {
        if (encoded == null) {
            throw new AuthenticationFailedException("SRP public value " + name + " is missing");
        }
        BigInteger value = new BigInteger(1, encoded);
        if (value.mod(group.n()).signum() == 0) {
            throw new AuthenticationFailedException(
                    "SRP public value " + name + " is 0 mod N; refusing it");
        }
        if (value.compareTo(group.n()) >= 0) {
            throw new AuthenticationFailedException(
                    "SRP public value " + name + " is not below N; refusing it");
        }
        return value;
    }

    /** A fresh ephemeral secret of 256 random bits, never zero. */
    static byte[] newEphemeralSecret() {
        while (true) {
            byte[] secret = Randoms.bytes(EPHEMERAL_SECRET_BYTES);
            if (toInt(secret).signum() != 0) {
                return secret;
            }
        }
    }

    static BigInteger toInt(byte[] unsignedBigEndian) {
        return new BigInteger(1, unsignedBigEndian);
    }
}
