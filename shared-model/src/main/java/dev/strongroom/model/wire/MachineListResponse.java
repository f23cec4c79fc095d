package dev.strongroom.model.wire;

import java.util.List;

/** {@code GET /api/v1/teams/{teamId}/machines}: the team's machine accounts, revoked included. */
public record MachineListResponse(List<MachineSummary> machines) {}
