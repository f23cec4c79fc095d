package dev.strongroom.model.wire;

import java.util.UUID;

/**
 * A pending invite as the server holds it. {@code status} is {@code pending} (waiting for the
 * invitee), {@code accepted} (the invitee posted a proof; waiting for the inviter's client to check
 * it and sign add_member), {@code consumed} (the invitee is now in the team) or {@code cancelled}.
 * Everything here is alleged: clients trust nothing in it until the HMAC proofs verify.
 */
public record InviteView(
        UUID inviteId,
        UUID teamId,
        String email,
        String role,
        UUID inviterId,
        byte[] inviterProof,
        String status,
        UUID inviteeId,
        byte[] inviteeProof,
        long createdAt,
        long expiresAt) {}
