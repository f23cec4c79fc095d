package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

import java.util.UUID;

/**
 * {@code POST /api/v1/teams/{teamId}/invites}: an owner or admin announces a pending invite by
 * one-time code. The inviter's client picks {@code inviteId} (the proofs bind it) and sends {@code
 * inviterProof}, the 32-byte HMAC over its own bundle under the key derived from the code (see
 * docs/CRYPTO.md, "Invite codes"). The code itself never reaches the server.
 */
public record InviteCreateRequest(UUID inviteId, String email, String role, byte[] inviterProof) {
    public InviteCreateRequest {
        present(inviteId, "inviteId");
        present(email, "email");
        present(role, "role");
        present(inviterProof, "inviterProof");
    }
}
