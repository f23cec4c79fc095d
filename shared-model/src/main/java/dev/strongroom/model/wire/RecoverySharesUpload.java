package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

import java.util.List;

/**
 * {@code PUT /api/v1/teams/{teamId}/recovery/policy/shares}: the sealed shares of the current
 * policy when its entry was appended through the log endpoint; {@code policyVersion} must be the
 * current one. Accepted once, from the entry's author.
 */
public record RecoverySharesUpload(Integer policyVersion, List<RecoverySealedShare> shares) {
    public RecoverySharesUpload {
        present(policyVersion, "policyVersion");
        present(shares, "shares");
    }
}
