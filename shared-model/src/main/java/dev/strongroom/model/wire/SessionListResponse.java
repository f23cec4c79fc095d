package dev.strongroom.model.wire;

import java.util.List;

/** {@code GET /api/v1/sessions}: the caller's live sessions. */
public record SessionListResponse(List<SessionInfo> sessions) {}
