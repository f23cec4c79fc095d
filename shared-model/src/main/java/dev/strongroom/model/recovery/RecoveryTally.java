package dev.strongroom.model.recovery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts verified decisions on one request under the policy's threshold: approved once M distinct
 * approvers approved and nobody vetoed; denied once so many approvers denied that M approvals can
 * no longer come; vetoed by any owner's veto. One approver deciding twice is refused outright (a
 * server replaying an approval must not count it twice).
 */
public record RecoveryTally(Status status, List<RecoveryDecisionBody> approvals, int denials) {

    public enum Status {
        PENDING,
        APPROVED,
        DENIED,
        VETOED
    }

    public RecoveryTally {
        approvals = List.copyOf(approvals);
    }

    public static RecoveryTally of(
            List<RecoveryDecisionBody> decisions, int threshold, int approverCount) {
        Set<String> seen = new HashSet<>();
        List<RecoveryDecisionBody> approvals = new ArrayList<>();
        int denials = 0;
        boolean vetoed = false;
        for (RecoveryDecisionBody d : decisions) {
            if (!seen.add(d.deciderId())) {
                throw new RecoveryVerificationException(
                        "duplicate_decision", "one person decided twice on the same request");
            }
            switch (d.decision()) {
                case RecoveryDecisionBody.APPROVE -> approvals.add(d);
                case RecoveryDecisionBody.DENY -> denials++;
                default -> vetoed = true;
            }
        }
        Status status;
        if (vetoed) {
            status = Status.VETOED;
        } else if (approvals.size() >= threshold) {
            status = Status.APPROVED;
        } else if (approverCount - denials < threshold) {
            status = Status.DENIED;
        } else {
            status = Status.PENDING;
        }
        return new RecoveryTally(status, Collections.unmodifiableList(approvals), denials);
    }
}
