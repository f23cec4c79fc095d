package dev.strongroom.model.wire;

import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.recovery.SignedRecoveryMessage;
import java.util.List;
import java.util.UUID;

/**
 * A break-glass request as the server tracks it. {@code request} is the signed body exactly as
 * received, so approvers verify it and bind their decisions to its digest themselves. {@code
 * status}: {@code pending}, {@code approved} (M approvals; released once {@code notBefore} passed),
 * {@code denied}, {@code vetoed}, {@code closed} (by the requester, an owner, or a new policy) or
 * {@code expired} ({@code expiresAt}, seven days after opening). All but pending and approved are
 * final.
 */
public record RecoveryRequestView(
        UUID requestId,
        UUID teamId,
        int policyVersion,
        String requesterId,
        RecoveryScope scope,
        String reason,
        long createdAt,
        long notBefore,
        long expiresAt,
        String status,
        int threshold,
        int approvals,
        List<RecoveryDecisionSummary> decisions,
        SignedRecoveryMessage request) {

    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String DENIED = "denied";
    public static final String VETOED = "vetoed";
    public static final String CLOSED = "closed";
    public static final String EXPIRED = "expired";
}
