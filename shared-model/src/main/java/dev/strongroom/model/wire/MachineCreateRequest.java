package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

import dev.strongroom.model.log.SignedLogEntry;

/**
 * {@code POST /api/v1/teams/{teamId}/machines}: an {@code add_machine} log entry authored by the
 * caller (an owner or admin), a display name (1 to 100 characters) and the SHA-256 (32 bytes) of
 * the machine's 32-byte random API secret, computed by the client. The server never sees the secret
 * itself; the machine id is the account id in the entry's public bundle.
 */
public record MachineCreateRequest(SignedLogEntry entry, String name, byte[] secretHash) {
    public MachineCreateRequest {
        present(entry, "entry");
        present(name, "name");
        present(secretHash, "secretHash");
    }
}
