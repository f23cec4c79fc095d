package dev.strongroom.model.log;

/**
 * The break-glass policy: only an owner sets it, the approvers are current members, 2 <= M <= N <=
 * 16, the delay is 0 to 72 hours, and each version supersedes the previous one (old shares become
 * useless because the recovery key itself changes).
 */
final class RecoveryRules {

    private RecoveryRules() {}

    static void set(
            TeamState state,
            TeamState.Member author,
            LogEntryBody body,
            LogAction.SetRecoveryPolicy p) {
        if (author.role() != Role.OWNER) {
            ActionRules.deny(body, "only an owner may set the recovery policy");
        }
        int expectedVersion =
                state.recovery == null ? 1 : state.recovery.entry().policyVersion() + 1;
        if (p.policyVersion() != expectedVersion) {
            ActionRules.deny(body, "the policy version must be " + expectedVersion);
        }
        if (p.approverIds() == null || p.shareDigests() == null) {
            ActionRules.deny(body, "approvers and share digests are required");
        }
        ActionRules.requireDistinct(body, p.approverIds());
        int n = p.approverIds().size();
        if (p.threshold() < 2 || p.threshold() > n || n > 16) {
            ActionRules.deny(body, "the threshold must satisfy 2 <= M <= N <= 16");
        }
        if (p.delayHours() < 0 || p.delayHours() > 72) {
            ActionRules.deny(body, "the delay must be 0 to 72 hours");
        }
        for (String approver : p.approverIds()) {
            if (!state.members.containsKey(approver)) {
                ActionRules.deny(body, "every approver must be a member");
            }
        }
        if (!p.shareDigests().keySet().equals(new java.util.HashSet<>(p.approverIds()))) {
            ActionRules.deny(body, "each approver needs exactly one sealed share");
        }
        p.shareDigests().values().forEach(d -> ActionRules.requireDigest(body, d));
        if (p.recoveryPublicKey() == null
                || TeamLogVerifier.decode(p.recoveryPublicKey()).length != 32) {
            ActionRules.deny(body, "the recovery public key must be 32 bytes");
        }
        state.recovery = new TeamState.RecoveryPolicy(p);
    }
}
