package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

/**
 * {@code PUT /api/v1/teams/{teamId}/machines/{machineId}/secret}: the SHA-256 (32 bytes) of the
 * machine's new 32-byte API secret. The old secret stops working at once.
 */
public record MachineSecretRequest(byte[] secretHash) {
    public MachineSecretRequest {
        present(secretHash, "secretHash");
    }
}
