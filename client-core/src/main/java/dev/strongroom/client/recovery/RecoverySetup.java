package dev.strongroom.client.recovery;

import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.crypto.recovery.RecoveryKey;
import dev.strongroom.crypto.recovery.SealedShares;
import dev.strongroom.crypto.recovery.ShareBinding;
import dev.strongroom.crypto.slip39.Slip39Share;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.wire.Base64Url;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates a recovery key and splits it: a fresh X25519 pair, its private key split M-of-N with
 * SLIP-39, each share sealed (HPKE auth mode, context R1) to one approver's verified public key,
 * and the policy action naming the public key, the approvers, the digest of each sealed share, M,
 * the delay and the veto option. The same step re-splits: a new policy version has a new key, so
 * the shares of the old one open nothing the new policy covers.
 */
public final class RecoverySetup {

    public static final int MAX_DELAY_HOURS = 72;

    private RecoverySetup() {}

    /**
     * @param approvers the approvers' bundles, each verified by this device (the caller checks)
     * @throws RecoveryException if M, N or the delay are out of range, or an approver is not a
     *     member with exactly this key in the verified log
     */
    public static PolicyDraft draft(
            TeamState state,
            IdentityKeys author,
            List<PublicBundle> approvers,
            int threshold,
            int delayHours,
            boolean ownerVeto) {
        int n = approvers.size();
        if (threshold < 2 || threshold > n || n > 16) {
            throw new RecoveryException("the threshold must satisfy 2 <= M <= N <= 16");
        }
        if (delayHours < 0 || delayHours > MAX_DELAY_HOURS) {
            throw new RecoveryException("the delay must be 0 to 72 hours");
        }
        for (PublicBundle b : approvers) {
            TeamState.Member m = state.members().get(b.accountId());
            if (m == null || !m.bundle().encryptionKey().equals(b.encryptionKey())) {
                throw new RecoveryException(
                        "approver " + b.email() + " is not a member with this verified key");
            }
        }
        int version = state.recoveryPolicy().map(p -> p.entry().policyVersion() + 1).orElse(1);
        try (RecoveryKey key = RecoveryKey.generate()) {
            List<Slip39Share> shares = key.split(threshold, n);
            Map<String, byte[]> sealed = new LinkedHashMap<>();
            Map<String, String> digests = new LinkedHashMap<>();
            List<String> ids = new ArrayList<>();
            try {
                for (int i = 0; i < n; i++) {
                    PublicBundle b = approvers.get(i);
                    byte[] s =
                            SealedShares.sealToApprover(
                                    shares.get(i),
                                    new ShareBinding(
                                            state.teamId(),
                                            version,
                                            b.accountId(),
                                            b.encryptionKey()),
                                    author);
                    ids.add(b.accountId());
                    sealed.put(b.accountId(), s);
                    digests.put(b.accountId(), Base64Url.encode(Sha256.hash(s)));
                }
            } finally {
                shares.forEach(Slip39Share::close);
            }
            LogAction.SetRecoveryPolicy action =
                    new LogAction.SetRecoveryPolicy(
                            version,
                            Base64Url.encode(key.publicKey().bytes()),
                            ids,
                            digests,
                            threshold,
                            delayHours,
                            ownerVeto);
            return new PolicyDraft(action, sealed);
        }
    }
}
