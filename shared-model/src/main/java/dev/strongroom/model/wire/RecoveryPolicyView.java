package dev.strongroom.model.wire;

import java.util.List;
import java.util.UUID;

/**
 * The team's current recovery policy as the server's verified log has it, whether its shares are
 * stored, and which accounts are enrolled for account recovery under it. Clients trust the policy
 * only from their own verified log; this is for status screens. {@code reenrolmentDueAccountIds}:
 * accounts enrolled under an older policy that have not enrolled under this one (a re-split cannot
 * carry their account keys over; each member's own client must enrol again).
 */
public record RecoveryPolicyView(
        UUID teamId,
        int policyVersion,
        String recoveryPublicKey,
        List<String> approverIds,
        int threshold,
        int delayHours,
        boolean ownerVeto,
        boolean sharesStored,
        List<String> enrolledAccountIds,
        List<String> reenrolmentDueAccountIds) {}
