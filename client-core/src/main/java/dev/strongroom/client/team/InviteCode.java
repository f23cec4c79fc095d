package dev.strongroom.client.team;

import dev.strongroom.client.totp.Base32;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.crypto.mac.Hkdf;
import dev.strongroom.crypto.mac.Hmac;

/**
 * A one-time invite code: 160 random bits the inviter hands to the invitee out of band, shown as 32
 * base32 characters in groups of four. The server never sees it; it sees only the HMAC proofs
 * computed under a key derived from it (docs/CRYPTO.md, "Invite codes"), which it can neither forge
 * nor brute-force. Holds the code's bytes; {@link #close()} wipes them.
 */
public final class InviteCode implements AutoCloseable {

    static final int BYTES = 20;
    static final int PROOF_BYTES = Hmac.TAG_LENGTH;

    private final byte[] code;

    private InviteCode(byte[] code) {
        this.code = code;
    }

    /** A fresh code from the one SecureRandom. */
    public static InviteCode generate() {
        return new InviteCode(Randoms.bytes(BYTES));
    }

    /**
     * Reads a code as typed: case, spaces and dashes do not matter.
     *
     * @throws IllegalArgumentException if it is not 32 base32 characters
     */
    public static InviteCode parse(char[] typed) {
        char[] clean = new char[typed.length];
        int n = 0;
        for (char c : typed) {
            if (c != '-' && c != ' ') {
                clean[n++] = Character.toUpperCase(c);
            }
        }
        try {
            if (n != 32) {
                throw new IllegalArgumentException("an invite code has 32 characters");
            }
            byte[] raw;
            try {
                raw = Base32.decode(clean, 0, n);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("an invite code uses the letters A-Z and 2-7");
            }
            if (raw.length != BYTES) {
                Bytes.wipe(raw);
                throw new IllegalArgumentException("an invite code has 32 characters");
            }
            return new InviteCode(raw);
        } finally {
            Bytes.wipe(clean);
        }
    }

    /** The code for display, "ABCD-EFGH-…" (eight groups); the caller wipes the array. */
    public char[] display() {
        char[] plain = Base32.encode(code);
        char[] out = new char[plain.length + plain.length / 4 - 1];
        int j = 0;
        for (int i = 0; i < plain.length; i++) {
            if (i > 0 && i % 4 == 0) {
                out[j++] = '-';
            }
            out[j++] = plain[i];
        }
        Bytes.wipe(plain);
        return out;
    }

    /** The invite key: HKDF-SHA256 of the code, bound to the team and the invite. */
    byte[] inviteKey(String teamId, String inviteId) {
        return Hkdf.derive(
                code,
                null,
                Canonical.of("strongroom/v1/invite-key").add(teamId).add(inviteId).toBytes(),
                32);
    }

    /** The inviter's proof over its own bundle, for the named invitee email and role. */
    static byte[] inviterProof(
            byte[] inviteKey,
            String teamId,
            String inviteId,
            String inviteeEmail,
            String role,
            PublicBundle inviter) {
        return Hmac.sha256(
                inviteKey, inviterMessage(teamId, inviteId, inviteeEmail, role, inviter));
    }

    static boolean verifyInviterProof(
            byte[] inviteKey,
            String teamId,
            String inviteId,
            String inviteeEmail,
            String role,
            PublicBundle inviter,
            byte[] proof) {
        return Hmac.verifySha256(
                inviteKey, inviterMessage(teamId, inviteId, inviteeEmail, role, inviter), proof);
    }

    /** The invitee's proof over both bundles. */
    static byte[] inviteeProof(
            byte[] inviteKey,
            String teamId,
            String inviteId,
            PublicBundle inviter,
            PublicBundle invitee) {
        return Hmac.sha256(inviteKey, inviteeMessage(teamId, inviteId, inviter, invitee));
    }

    static boolean verifyInviteeProof(
            byte[] inviteKey,
            String teamId,
            String inviteId,
            PublicBundle inviter,
            PublicBundle invitee,
            byte[] proof) {
        return Hmac.verifySha256(
                inviteKey, inviteeMessage(teamId, inviteId, inviter, invitee), proof);
    }

    private static byte[] inviterMessage(
            String teamId, String inviteId, String email, String role, PublicBundle inviter) {
        return Canonical.of("strongroom/v1/invite-inviter")
                .add(teamId)
                .add(inviteId)
                .add(email)
                .add(role)
                .add(inviter.accountId())
                .add(inviter.fingerprint().digest())
                .toBytes();
    }

    private static byte[] inviteeMessage(
            String teamId, String inviteId, PublicBundle inviter, PublicBundle invitee) {
        return Canonical.of("strongroom/v1/invite-invitee")
                .add(teamId)
                .add(inviteId)
                .add(inviter.accountId())
                .add(inviter.fingerprint().digest())
                .add(invitee.accountId())
                .add(invitee.email())
                .add(invitee.fingerprint().digest())
                .toBytes();
    }

    @Override
    public void close() {
        Bytes.wipe(code);
    }

    @Override
    public String toString() {
        return "InviteCode[redacted]";
    }
}
