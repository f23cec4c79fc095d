package dev.strongroom.client.recovery;

import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.asym.X25519PublicKey;
import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.crypto.recovery.ApprovalBinding;
import dev.strongroom.crypto.recovery.SealedShares;
import dev.strongroom.crypto.recovery.ShareBinding;
import dev.strongroom.crypto.slip39.Slip39Share;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.recovery.RecoveryDecisionBody;
import dev.strongroom.model.recovery.SignedRecoveryMessage;
import dev.strongroom.model.recovery.VerifiedRecoveryRequest;
import dev.strongroom.model.wire.Base64Url;

/**
 * An approver's side: opening their own share (R1, from the policy's author, checked against the
 * digest the signed policy names), and answering a verified request: approve (the share re-sealed
 * to the request's ephemeral key, R2, and a decision naming its digest), deny or veto, each signed
 * and bound to the request's digest, so it counts for exactly this request and scope.
 */
public final class Approvals {

    private Approvals() {}

    /**
     * @throws RecoveryException if the share is not the one the policy names for {@code me} or does
     *     not open (sealed to another key or by someone other than the policy's author)
     */
    public static Slip39Share openOwnShare(
            RecoveryLog log, String me, IdentityKeys identity, byte[] sealed) {
        LogAction.SetRecoveryPolicy p = log.policy();
        String digest = p.shareDigests().get(me);
        if (digest == null) {
            throw new RecoveryException("this account holds no share of the recovery key");
        }
        if (sealed == null || !ConstantTime.equals(Sha256.hash(sealed), Base64Url.decode(digest))) {
            throw new RecoveryException("the sealed share is not the one the signed policy names");
        }
        try {
            return SealedShares.openAsApprover(
                    sealed,
                    new ShareBinding(
                            log.state().teamId(),
                            p.policyVersion(),
                            me,
                            identity.encryptionPublicKey()),
                    identity,
                    log.policyAuthor().encryptionKey());
        } catch (CryptoException e) {
            throw new RecoveryException("the sealed share does not open for this account");
        }
    }

    public static Decision approve(
            RecoveryLog log,
            SignedRecoveryMessage request,
            String me,
            IdentityKeys identity,
            byte[] sealedShare) {
        VerifiedRecoveryRequest r = RecoveryRequests.verify(log, request);
        byte[] resealed;
        try (Slip39Share share = openOwnShare(log, me, identity, sealedShare)) {
            if (me.equals(r.body().requesterId())) {
                // the server and every requester's client refuse it too (RecoveryVerifier)
                throw new RecoveryException("you cannot approve your own request");
            }
            resealed = SealedShares.sealToRequest(share, binding(log, r, me), identity);
        }
        return new Decision(
                sign(r, me, identity, RecoveryDecisionBody.APPROVE, Sha256.hash(resealed)),
                resealed);
    }

    public static Decision deny(
            RecoveryLog log, SignedRecoveryMessage request, String me, IdentityKeys identity) {
        VerifiedRecoveryRequest r = RecoveryRequests.verify(log, request);
        if (!log.policy().approverIds().contains(me)) {
            throw new RecoveryException("only the policy's approvers may deny");
        }
        return new Decision(sign(r, me, identity, RecoveryDecisionBody.DENY, null), null);
    }

    public static Decision veto(
            RecoveryLog log, SignedRecoveryMessage request, String me, IdentityKeys identity) {
        VerifiedRecoveryRequest r = RecoveryRequests.verify(log, request);
        if (!log.policy().ownerVeto()) {
            throw new RecoveryException("the recovery policy does not allow vetoes");
        }
        return new Decision(sign(r, me, identity, RecoveryDecisionBody.VETO, null), null);
    }

    static ApprovalBinding binding(RecoveryLog log, VerifiedRecoveryRequest r, String approverId) {
        return new ApprovalBinding(
                log.state().teamId(),
                r.body().requestId(),
                r.digest(),
                approverId,
                new X25519PublicKey(Base64Url.decode(r.body().requestKey())));
    }

    private static SignedRecoveryMessage sign(
            VerifiedRecoveryRequest r,
            String me,
            IdentityKeys identity,
            String decision,
            byte[] shareDigest) {
        RecoveryDecisionBody body =
                new RecoveryDecisionBody(
                        RecoveryDecisionBody.VERSION,
                        r.body().requestId(),
                        r.body().teamId(),
                        Base64Url.encode(r.digest()),
                        me,
                        decision,
                        shareDigest == null ? null : Base64Url.encode(shareDigest),
                        System.currentTimeMillis());
        return SignedRecoveryMessage.signDecision(body, identity);
    }
}
