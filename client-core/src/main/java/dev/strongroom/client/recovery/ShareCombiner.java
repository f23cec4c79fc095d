package dev.strongroom.client.recovery;

import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.asym.X25519PrivateKey;
import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.crypto.recovery.RecoveryKey;
import dev.strongroom.crypto.recovery.SealedShares;
import dev.strongroom.crypto.slip39.Slip39Share;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.recovery.RecoveryDecisionBody;
import dev.strongroom.model.recovery.RecoveryTally;
import dev.strongroom.model.recovery.RecoveryVerificationException;
import dev.strongroom.model.recovery.RecoveryVerifier;
import dev.strongroom.model.recovery.SignedRecoveryMessage;
import dev.strongroom.model.recovery.VerifiedRecoveryRequest;
import dev.strongroom.model.wire.Base64Url;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The requester's side: checks every decision against the verified log and this exact request,
 * counts them, and only with M approvals and no veto opens M re-sealed shares with the request's
 * ephemeral key and combines them into the recovery key, which must match the policy's public key
 * (shares of an older split are refused).
 */
public final class ShareCombiner {

    private ShareCombiner() {}

    /** The verified tally of the decisions on a request (any that does not verify is an error). */
    public static RecoveryTally tally(
            RecoveryLog log, SignedRecoveryMessage request, List<Decision> decisions) {
        VerifiedRecoveryRequest r = RecoveryRequests.verify(log, request);
        LogAction.SetRecoveryPolicy p = log.policy();
        return tallyOf(verified(log, r, decisions), p);
    }

    /**
     * @param ephemeral the request's private key, kept by this client since it opened the request
     * @throws RecoveryException if a decision does not verify, the request was vetoed or has fewer
     *     than M approvals, a share was not sealed to this request's key, or the shares do not
     *     combine into the policy's recovery key
     */
    public static RecoveryKey combine(
            RecoveryLog log,
            SignedRecoveryMessage request,
            X25519PrivateKey ephemeral,
            List<Decision> decisions) {
        VerifiedRecoveryRequest r = RecoveryRequests.verify(log, request);
        if (!ConstantTime.equals(
                ephemeral.publicKey().bytes(), Base64Url.decode(r.body().requestKey()))) {
            throw new RecoveryException("this device does not hold the request's key");
        }
        LogAction.SetRecoveryPolicy p = log.policy();
        List<RecoveryDecisionBody> bodies = verified(log, r, decisions);
        RecoveryTally tally = tallyOf(bodies, p);
        switch (tally.status()) {
            case VETOED -> throw new RecoveryException("the request was vetoed by an owner");
            case APPROVED -> {}
            default ->
                    throw new RecoveryException(
                            "the request has "
                                    + tally.approvals().size()
                                    + " of the "
                                    + p.threshold()
                                    + " approvals it needs");
        }
        Map<String, byte[]> resealed = new HashMap<>();
        for (int i = 0; i < decisions.size(); i++) {
            resealed.put(bodies.get(i).deciderId(), decisions.get(i).resealedShare());
        }
        List<Slip39Share> shares = new ArrayList<>();
        try {
            for (RecoveryDecisionBody a : tally.approvals().subList(0, p.threshold())) {
                shares.add(open(log, r, a, resealed.get(a.deciderId()), ephemeral));
            }
            return RecoveryKey.combine(shares, log.recoveryPublicKey());
        } catch (CryptoException e) {
            throw new RecoveryException("the shares do not combine into the team's recovery key");
        } finally {
            shares.forEach(Slip39Share::close);
        }
    }

    private static Slip39Share open(
            RecoveryLog log,
            VerifiedRecoveryRequest r,
            RecoveryDecisionBody approval,
            byte[] sealed,
            X25519PrivateKey ephemeral) {
        if (sealed == null
                || !ConstantTime.equals(
                        Sha256.hash(sealed), Base64Url.decode(approval.sealedShareDigest()))) {
            throw new RecoveryException("a re-sealed share is not the one its approval names");
        }
        try {
            return SealedShares.openAsRequester(
                    sealed,
                    Approvals.binding(log, r, approval.deciderId()),
                    ephemeral,
                    log.member(approval.deciderId()).encryptionKey());
        } catch (CryptoException e) {
            throw new RecoveryException(
                    "a share was not sealed to this request's key by its approver");
        }
    }

    private static List<RecoveryDecisionBody> verified(
            RecoveryLog log, VerifiedRecoveryRequest r, List<Decision> decisions) {
        List<RecoveryDecisionBody> out = new ArrayList<>();
        for (Decision d : decisions) {
            try {
                out.add(RecoveryVerifier.verifyDecision(d.signed(), r, log.state()));
            } catch (RecoveryVerificationException e) {
                throw new RecoveryException("a decision does not verify: " + e.getMessage());
            }
        }
        return out;
    }

    private static RecoveryTally tallyOf(
            List<RecoveryDecisionBody> bodies, LogAction.SetRecoveryPolicy p) {
        try {
            return RecoveryTally.of(bodies, p.threshold(), p.approverIds().size());
        } catch (RecoveryVerificationException e) {
            throw new RecoveryException("a decision does not verify: " + e.getMessage());
        }
    }
}
