package dev.strongroom.client.recovery;

import dev.strongroom.model.recovery.RecoveryScope;

/**
 * A request as an approver sees it, after its signature and scope were checked against the verified
 * log: who asks, for what, why, when, and how far it got.
 */
public record PendingRequest(
        String requestId,
        String requesterEmail,
        RecoveryScope scope,
        String reason,
        long createdAt,
        long notBefore,
        String status,
        int approvals,
        int threshold) {}
