package dev.strongroom.crypto.srp;

import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.ConstantTime;
import java.math.BigInteger;

/**
 * Server side of SRP-6a as two pure functions, so that the two login steps may run on different
 * server instances: {@link #challenge} returns the ephemeral secret b for the caller to store, and
 * {@link #verify} takes it back. See the package documentation for every formula; in short
 *
 * <pre>
 *   B  = (k*v + g^b) mod N,  u = H(PAD(A) | PAD(B)),  S = (A * v^u)^b mod N,  K = H(PAD(S))
 *   M1 = H(PAD(A) | PAD(B) | K)   expected from the client
 *   M2 = H(PAD(A) | M1 | K)       returned to the client
 * </pre>
 *
 * <p>Replay: b must be used for one {@link #verify} call only and then deleted by the caller;
 * otherwise an observed (A, M1) pair could be replayed against the same challenge.
 */
public final class SrpServer {

    private SrpServer() {}

    /**
     * Login step 1: a fresh 256-bit b and B = (k*v + g^b) mod N.
     *
     * @param verifier the account's stored PAD(v)
     */
    public static SrpServerChallenge challenge(SrpGroup group, byte[] verifier) {
        return challenge(group, verifier, SrpMath.newEphemeralSecret());
    }

    /** Step 1 with a given b: for the RFC 5054 test vector only (never reuse a b). */
    static SrpServerChallenge challenge(SrpGroup group, byte[] verifier, byte[] serverSecretB) {
        BigInteger v = storedVerifier(group, verifier);
        BigInteger b = ephemeral(serverSecretB);
        BigInteger publicB = SrpMath.publicB(group, v, b);
        return new SrpServerChallenge(serverSecretB, group.pad(publicB));
    }

    /**
     * Login step 2: checks the client's proof M1 and, if it is right, returns M2 and the session
     * key. Inputs are not modified; the caller still deletes b afterwards whatever the outcome.
     *
     * @throws AuthenticationFailedException if A is not in [1, N-1], if u == 0, or if M1 is wrong
     *     (compared in constant time); the message never says more than which check failed
     * @throws ParameterRejectedException if the stored verifier or b is unusable (a server bug, not
     *     a client error)
     */
    public static SrpServerResult verify(
            SrpGroup group,
            byte[] verifier,
            byte[] serverSecretB,
            byte[] clientA,
            byte[] clientM1) {
        BigInteger v = storedVerifier(group, verifier);
        BigInteger b = ephemeral(serverSecretB);
        BigInteger publicA = SrpMath.receivePublic(group, clientA, "A");
        BigInteger publicB = SrpMath.publicB(group, v, b);
        BigInteger u = SrpMath.u(group, publicA, publicB);
        if (u.signum() == 0) {
            throw new AuthenticationFailedException("SRP scrambling parameter u is 0; refusing");
        }
        byte[] sessionKey = SrpMath.sessionKey(group, SrpMath.serverS(group, publicA, v, u, b));
        byte[] expectedM1 = SrpMath.clientProof(group, publicA, publicB, sessionKey);
        try {
            if (!ConstantTime.equals(expectedM1, clientM1)) {
                Bytes.wipe(sessionKey);
                throw new AuthenticationFailedException("SRP client proof M1 did not verify");
            }
            return new SrpServerResult(
                    SrpMath.serverProof(group, publicA, expectedM1, sessionKey), sessionKey);
        } finally {
            Bytes.wipe(expectedM1);
        }
    }

    private static BigInteger storedVerifier(SrpGroup group, byte[] verifier) {
        if (group == null) {
            throw new ParameterRejectedException("SRP group must be given");
        }
        if (verifier == null || verifier.length != group.length()) {
            throw new ParameterRejectedException(
                    "SRP verifier must be " + group.length() + " bytes (PAD(v))");
        }
        BigInteger v = SrpMath.toInt(verifier);
        if (v.signum() == 0 || v.compareTo(group.n()) >= 0) {
            throw new ParameterRejectedException("SRP verifier is not in [1, N-1]");
        }
        return v;
    }

    private static BigInteger ephemeral(byte[] serverSecretB) {
        if (serverSecretB == null || serverSecretB.length == 0) {
            throw new ParameterRejectedException("SRP server secret b must be given");
        }
        BigInteger b = SrpMath.toInt(serverSecretB);
        if (b.signum() == 0) {
            throw new ParameterRejectedException("SRP server secret b must not be 0");
        }
        return b;
    }
}
