package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

/**
 * {@code POST /api/v1/invites/{inviteId}/accept}: the invitee's 32-byte HMAC proof over both
 * bundles under the key derived from the code. The server only stores it; the inviter's client
 * checks it against the invitee's directory bundle before adding them.
 */
public record InviteAcceptRequest(byte[] inviteeProof) {
    public InviteAcceptRequest {
        present(inviteeProof, "inviteeProof");
    }
}
