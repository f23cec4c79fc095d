package dev.strongroom.crypto.recovery;

import dev.strongroom.crypto.asym.X25519PrivateKey;
import dev.strongroom.crypto.asym.X25519PublicKey;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.hpke.Hpke;
import dev.strongroom.crypto.hpke.HpkeSealed;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.slip39.Slip39Share;

/**
 * Moves SLIP-39 shares between people with HPKE in auth mode, so the recipient learns who sealed
 * each share: from the policy's author to each approver (R1), then, on approval, from the approver
 * to the request's ephemeral key (R2). The plaintext is the share's binary form v1
 * (docs/CRYPTO.md); the info binds the ids, so a sealed share only opens in its own context.
 */
public final class SealedShares {

    private SealedShares() {}

    public static byte[] sealToApprover(Slip39Share share, ShareBinding to, IdentityKeys author) {
        return seal(share, to.approverKey(), author, RecoveryContexts.share(to));
    }

    /**
     * @throws dev.strongroom.crypto.api.AuthenticationFailedException if the share was not sealed
     *     by {@code authorKey} for exactly this binding
     */
    public static Slip39Share openAsApprover(
            byte[] sealed, ShareBinding binding, IdentityKeys approver, X25519PublicKey authorKey) {
        return open(
                sealed,
                approver.encryptionPrivateKey(),
                authorKey,
                RecoveryContexts.share(binding));
    }

    public static byte[] sealToRequest(
            Slip39Share share, ApprovalBinding to, IdentityKeys approver) {
        return seal(share, to.requestKey(), approver, RecoveryContexts.approval(to));
    }

    /**
     * @throws dev.strongroom.crypto.api.AuthenticationFailedException if the share was not sealed
     *     by {@code approverKey} for exactly this request
     */
    public static Slip39Share openAsRequester(
            byte[] sealed,
            ApprovalBinding binding,
            X25519PrivateKey requestKey,
            X25519PublicKey approverKey) {
        return open(sealed, requestKey, approverKey, RecoveryContexts.approval(binding));
    }

    private static byte[] seal(
            Slip39Share share, X25519PublicKey recipient, IdentityKeys sender, byte[] info) {
        byte[] plain = share.toBytes();
        try {
            return Hpke.sealAuth(recipient, sender.encryptionPrivateKey(), info, new byte[0], plain)
                    .toBytes();
        } finally {
            Bytes.wipe(plain);
        }
    }

    private static Slip39Share open(
            byte[] sealed, X25519PrivateKey recipient, X25519PublicKey sender, byte[] info) {
        byte[] plain =
                Hpke.openAuth(recipient, sender, HpkeSealed.fromBytes(sealed), info, new byte[0]);
        try {
            return Slip39Share.fromBytes(plain);
        } finally {
            Bytes.wipe(plain);
        }
    }
}
