package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

import dev.strongroom.model.recovery.SignedRecoveryMessage;

/**
 * {@code POST .../recovery/requests/{requestId}/decisions}: a signed {@code RecoveryDecisionBody}
 * by the caller, bound to this request's digest. An approval carries {@code sealedShare}, the share
 * re-sealed to the request's ephemeral key (CRYPTO.md R2), whose SHA-256 the decision names; a
 * denial or veto carries none. One decision per person per request.
 */
public record RecoveryDecisionRequest(SignedRecoveryMessage decision, byte[] sealedShare) {
    public RecoveryDecisionRequest {
        present(decision, "decision");
    }
}
