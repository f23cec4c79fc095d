package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

import dev.strongroom.model.log.SignedLogEntry;
import java.util.List;

/**
 * {@code POST /api/v1/teams/{teamId}/recovery/policy}: a set_recovery_policy log entry authored by
 * the caller (an owner) and exactly one sealed share per approver it names, each hashing to the
 * entry's digest. Appended and stored in one transaction; the previous policy's shares, enrollments
 * and open requests end.
 */
public record RecoveryPolicyRequest(SignedLogEntry entry, List<RecoverySealedShare> shares) {
    public RecoveryPolicyRequest {
        present(entry, "entry");
        present(shares, "shares");
    }
}
