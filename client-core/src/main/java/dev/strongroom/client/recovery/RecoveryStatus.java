package dev.strongroom.client.recovery;

import java.util.List;

/**
 * A team's recovery policy as this device's verified log has it, with what the server reports about
 * stored shares and enrolments, which vaults are not yet wrapped to the current key (any key
 * version), which members must enrol again after a re-split, and whether the current recovery key
 * was used (a request reached M approvals): the notice stays until the team re-keys.
 */
public record RecoveryStatus(
        String teamId,
        int policyVersion,
        List<String> approverEmails,
        int threshold,
        int delayHours,
        boolean ownerVeto,
        boolean sharesStored,
        List<String> enrolledEmails,
        List<String> vaultsNotCovered,
        List<String> reenrolmentDueEmails,
        List<RecoveryUse> recoveryKeyUsed) {

    /**
     * A request of the current policy that reached M approvals: the recovery key must be treated as
     * used (the requester can combine at any time) until it is re-keyed.
     */
    public record RecoveryUse(
            String requestId, String requesterEmail, String scope, long createdAt) {}

    /** Whether the team must be told the recovery key was used, and re-key it. */
    public boolean rekeyNeeded() {
        return !recoveryKeyUsed.isEmpty();
    }
}
