package dev.strongroom.crypto.srp;

/**
 * Result of login step 1 on the server.
 *
 * <p>The arrays are handed over, not copied: the caller owns them.
 *
 * @param serverSecretB the server's ephemeral secret b. SECRET: store it server-side only (e.g. in
 *     the shared database, keyed by a login id, with a short expiry), hand it to {@link
 *     SrpServer#verify} exactly once and delete it whatever the outcome, then wipe this array.
 * @param publicB PAD(B), sent to the client
 */
public record SrpServerChallenge(byte[] serverSecretB, byte[] publicB) {

    @Override
    public String toString() {
        return "SrpServerChallenge[serverSecretB=redacted, publicB=" + publicB.length + " bytes]";
    }
}
