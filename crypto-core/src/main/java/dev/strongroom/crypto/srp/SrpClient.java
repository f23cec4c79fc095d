package dev.strongroom.crypto.srp;

import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.ConstantTime;
import java.math.BigInteger;

/**
 * Client side of one SRP-6a login attempt (see the package documentation for every formula):
 *
 * <ol>
 *   <li>{@link #publicA()}: send PAD(A), A = g^a mod N;
 *   <li>{@link #respond(byte[])}: given PAD(B), returns M1 = H(PAD(A) | PAD(B) | K);
 *   <li>{@link #verifyServer(byte[])}: checks M2 = H(PAD(A) | M1 | K) in constant time;
 *   <li>{@link #sessionKey()}: K = H(PAD(S)), only after the server has been verified.
 * </ol>
 *
 * <p>One instance is one attempt: any failure ends it, and a new attempt needs a new instance
 * (fresh a). Secrets (x, a, then K and the expected M2) are held as byte arrays; x and a are wiped
 * as soon as S is computed, everything on {@link #close()}. Not thread-safe.
 */
public final class SrpClient implements AutoCloseable {

    private enum State {
        AWAITING_B,
        AWAITING_M2,
        VERIFIED,
        ENDED
    }

    private final SrpGroup group;
    private final byte[] publicA;
    private byte[] x;
    private byte[] a;
    private byte[] sessionKey;
    private byte[] expectedM2;
    private State state = State.AWAITING_B;

    /**
     * Starts a login attempt with a fresh 256-bit a.
     *
     * @param identity the login identity I (same bytes as at registration)
     * @param secret the authentication secret P; read, not retained (only x is kept until {@link
     *     #respond})
     * @param salt the account's SRP salt s, as returned by the server
     */
    public SrpClient(SrpGroup group, byte[] identity, byte[] secret, byte[] salt) {
        this(group, identity, secret, salt, SrpMath.newEphemeralSecret());
    }

    /** With a given a: for the RFC 5054 test vector only (never reuse an a). */
    SrpClient(SrpGroup group, byte[] identity, byte[] secret, byte[] salt, byte[] fixedA) {
        SrpVerifier.checkInputs(group, identity, secret, salt);
        this.group = group;
        this.a = fixedA.clone();
        this.x = group.pad(SrpMath.x(group, salt, identity, secret));
        this.publicA = group.pad(SrpMath.publicA(group, SrpMath.toInt(a)));
    }

    /** PAD(A), {@link SrpGroup#length()} bytes, to send to the server. */
    public byte[] publicA() {
        return publicA.clone();
    }

    /**
     * Computes the client proof for the server's PAD(B).
     *
     * @return M1, to send to the server
     * @throws AuthenticationFailedException if B is not in [1, N-1] or u == 0 (this attempt ends)
     * @throws IllegalStateException if called twice or after {@link #close()}
     */
    public byte[] respond(byte[] serverB) {
        requireState(State.AWAITING_B);
        state = State.ENDED;
        try {
            BigInteger publicAValue = SrpMath.toInt(publicA);
            BigInteger publicB = SrpMath.receivePublic(group, serverB, "B");
            BigInteger u = SrpMath.u(group, publicAValue, publicB);
            if (u.signum() == 0) {
                throw new AuthenticationFailedException(
                        "SRP scrambling parameter u is 0; refusing");
            }
            BigInteger s = SrpMath.clientS(group, publicB, SrpMath.toInt(x), SrpMath.toInt(a), u);
            sessionKey = SrpMath.sessionKey(group, s);
            byte[] m1 = SrpMath.clientProof(group, publicAValue, publicB, sessionKey);
            expectedM2 = SrpMath.serverProof(group, publicAValue, m1, sessionKey);
            state = State.AWAITING_M2;
            return m1;
        } finally {
            // x and a are not needed any more, whatever happened.
            Bytes.wipe(x);
            Bytes.wipe(a);
            if (state == State.ENDED) {
                close();
            }
        }
    }

    /**
     * Authenticates the server: M2 must equal H(PAD(A) | M1 | K) (constant-time comparison).
     *
     * @throws AuthenticationFailedException if it does not; the session key is then wiped
     * @throws IllegalStateException if {@link #respond} has not succeeded, or after close
     */
    public void verifyServer(byte[] m2) {
        requireState(State.AWAITING_M2);
        if (!ConstantTime.equals(expectedM2, m2)) {
            close();
            throw new AuthenticationFailedException("SRP server proof M2 did not verify");
        }
        state = State.VERIFIED;
    }

    /**
     * The session key K = H(PAD(S)), shared with the server; the caller owns and wipes the copy.
     *
     * @throws IllegalStateException unless {@link #verifyServer} has succeeded (a key agreed with
     *     an unauthenticated server must not be used)
     */
    public byte[] sessionKey() {
        requireState(State.VERIFIED);
        return sessionKey.clone();
    }

    /** Wipes every secret; the instance cannot be used afterwards. */
    @Override
    public void close() {
        Bytes.wipe(x);
        Bytes.wipe(a);
        Bytes.wipe(sessionKey);
        Bytes.wipe(expectedM2);
        state = State.ENDED;
    }

    private void requireState(State expected) {
        if (state != expected) {
            throw new IllegalStateException(
                    "SRP client is in state " + state + ", expected " + expected);
        }
    }

    @Override
    public String toString() {
        return "SrpClient[" + group.name() + ", " + state + ", secrets redacted]";
    }
}
