package dev.strongroom.client.recovery;

import dev.strongroom.crypto.asym.X25519KeyPair;
import dev.strongroom.model.recovery.SignedRecoveryMessage;

/**
 * A request this client opened: the signed request to send, and the ephemeral key pair whose
 * private half never leaves the requester's device (approvers re-seal their shares to its public
 * half). Closing wipes the private key.
 */
public record OpenRequest(String requestId, SignedRecoveryMessage signed, X25519KeyPair ephemeral)
        implements AutoCloseable {

    @Override
    public void close() {
        ephemeral.close();
    }

    @Override
    public String toString() {
        return "OpenRequest[" + requestId + ", ephemeral key redacted]";
    }
}
