package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

import dev.strongroom.model.log.SignedLogEntry;
import java.util.UUID;

/**
 * {@code POST /api/v1/teams}: a new team and its signed genesis entry (create_team, sequence 0),
 * authored by the caller with the same public bundle the caller registered.
 */
public record CreateTeamRequest(UUID teamId, SignedLogEntry genesis) {
    public CreateTeamRequest {
        present(teamId, "teamId");
        present(genesis, "genesis");
    }
}
