package dev.strongroom.client.recovery;

import dev.strongroom.model.recovery.RecoveryScope;

/**
 * A request as an approver sees it, after its signature and scope were checked against the verified
 * log: who asks, for what, why, when, and how far it got. {@code myDecision} is this account's own
 * decision on it ({@code approve}, {@code deny} or {@code veto}) as the server lists the decisions,
 * or null when it has not decided: for display only (a server could hide it, which at worst makes
 * the app offer a decision the server then refuses as a repeat).
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
        int threshold,
        String myDecision) {}
