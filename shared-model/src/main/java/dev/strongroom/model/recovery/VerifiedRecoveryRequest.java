package dev.strongroom.model.recovery;

/**
 * A request whose signature and fields were checked against the verified team state; {@code digest}
 * is what approvals bind (SHA-256 over the exact signed body bytes, domain-separated).
 */
public record VerifiedRecoveryRequest(RecoveryRequestBody body, byte[] digest) {

    public VerifiedRecoveryRequest {
        digest = digest.clone();
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }
}
