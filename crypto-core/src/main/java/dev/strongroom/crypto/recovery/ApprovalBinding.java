package dev.strongroom.crypto.recovery;

import dev.strongroom.crypto.asym.X25519PublicKey;

/**
 * Identifies one approval's re-sealed share: the request (by id and by the digest of everything the
 * requester signed, scope included), the approver and the request's ephemeral key. Context R2.
 */
public record ApprovalBinding(
        String teamId,
        String requestId,
        byte[] requestDigest,
        String approverId,
        X25519PublicKey requestKey) {

    public ApprovalBinding {
        requestDigest = requestDigest.clone();
    }

    @Override
    public byte[] requestDigest() {
        return requestDigest.clone();
    }
}
