package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

import dev.strongroom.model.recovery.SignedRecoveryMessage;

/**
 * {@code POST /api/v1/teams/{teamId}/recovery/requests}: a signed {@code RecoveryRequestBody} by
 * the caller. Its {@code requestId} is a fresh canonical UUID, {@code createdAt} within ten minutes
 * of the server's clock; the server checks it with {@code RecoveryVerifier} against its verified
 * log and counts the delay from when it received it.
 */
public record RecoveryOpenRequest(SignedRecoveryMessage request) {
    public RecoveryOpenRequest {
        present(request, "request");
    }
}
