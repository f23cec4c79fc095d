package dev.strongroom.server.recovery;

import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.recovery.RecoveryTally;
import dev.strongroom.model.wire.RecoveryRequestView;
import dev.strongroom.server.http.ConflictException;
import java.time.Instant;

/**
 * When a request may take decisions and when its approvals may be released. Denied, vetoed, closed
 * and expired are final; approvals stay withheld until M exist and the delay has passed.
 */
final class RequestStates {

    private RequestStates() {}

    static void requireOpen(RequestStore.Request r, long now) {
        String status = r.status(now);
        if (!RecoveryRequestView.PENDING.equals(status)
                && !RecoveryRequestView.APPROVED.equals(status)) {
            throw new ConflictException(ErrorCode.CONFLICT, "the request is " + status);
        }
    }

    /** The request still stands under the team's current policy (a new policy ends it). */
    static void requireCurrentPolicy(RequestStore.Request r, TeamState state) {
        int current = RecoveryChecks.policy(state).policyVersion();
        if (current != r.policyVersion()) {
            throw new ConflictException(
                    ErrorCode.CONFLICT,
                    "the request was made under policy version "
                            + r.policyVersion()
                            + "; the current one is "
                            + current);
        }
    }

    static void requireReleasable(
            RequestStore.Request r, TeamState state, int approvals, int threshold, long now) {
        requireOpen(r, now);
        requireCurrentPolicy(r, state);
        if (!RecoveryRequestView.APPROVED.equals(r.status(now))) {
            throw new ConflictException(
                    ErrorCode.CONFLICT,
                    "approvals are withheld until " + threshold + " exist; there are " + approvals);
        }
        if (now < r.notBefore()) {
            throw new ConflictException(
                    ErrorCode.CONFLICT,
                    "approvals are withheld until the delay ends at "
                            + Instant.ofEpochMilli(r.notBefore()));
        }
    }

    /**
     * Whether the requester may read the scope's items: the request is open under the current
     * policy and at most one approval short of its threshold (at least one approval in any case).
     * The items are ciphertext under vault keys only the release opens; serving them this early
     * lets the requester's client check every author's signature while the last approval (or the
     * delay) is awaited, so the vault opens at once when it comes. Until then only the approvers'
     * consent so far shows the requester the scope's size and authors.
     */
    static void requireItemsReadable(
            RequestStore.Request r, TeamState state, int approvals, int threshold, long now) {
        requireOpen(r, now);
        requireCurrentPolicy(r, state);
        int needed = Math.max(1, threshold - 1);
        if (approvals < needed) {
            throw new ConflictException(
                    ErrorCode.CONFLICT,
                    "the scope's items are served once "
                            + needed
                            + " approvals exist; there are "
                            + approvals);
        }
    }

    static String statusOf(RecoveryTally.Status s) {
        return switch (s) {
            case PENDING -> RecoveryRequestView.PENDING;
            case APPROVED -> RecoveryRequestView.APPROVED;
            case DENIED -> RecoveryRequestView.DENIED;
            case VETOED -> RecoveryRequestView.VETOED;
        };
    }
}
