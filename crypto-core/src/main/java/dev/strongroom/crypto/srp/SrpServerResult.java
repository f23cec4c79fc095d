package dev.strongroom.crypto.srp;

/**
 * Result of a successful login step 2 on the server. The arrays are handed over, not copied.
 *
 * @param serverProofM2 M2, sent to the client so it can authenticate the server
 * @param sessionKey K = H(PAD(S)); SECRET, shared with the client; wipe after use
 */
public record SrpServerResult(byte[] serverProofM2, byte[] sessionKey) {

    @Override
    public String toString() {
        return "SrpServerResult[serverProofM2="
                + serverProofM2.length
                + " bytes, sessionKey=redacted]";
    }
}
