package dev.strongroom.model.wire;

import java.util.List;

/** {@code GET /api/v1/teams}. */
public record TeamListResponse(List<TeamSummary> teams) {}
