package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

import dev.strongroom.model.log.SignedLogEntry;

/**
 * {@code POST /api/v1/teams/{teamId}/machines/{machineId}/revoke}: a {@code remove_machine} log
 * entry for that machine, authored by the caller. The machine's token stops working at once.
 */
public record MachineRevokeRequest(SignedLogEntry entry) {
    public MachineRevokeRequest {
        present(entry, "entry");
    }
}
