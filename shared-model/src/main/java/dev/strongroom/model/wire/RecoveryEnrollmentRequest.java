package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

/**
 * {@code PUT /api/v1/teams/{teamId}/recovery/enrollment}: the caller's account key wrapped (HPKE)
 * to the recovery public key of the current policy ({@code policyVersion}). Replaces an earlier
 * enrollment; handed out only in a released account-scope request for the caller.
 */
public record RecoveryEnrollmentRequest(Integer policyVersion, byte[] wrappedAccountKey) {
    public RecoveryEnrollmentRequest {
        present(policyVersion, "policyVersion");
        present(wrappedAccountKey, "wrappedAccountKey");
    }
}
