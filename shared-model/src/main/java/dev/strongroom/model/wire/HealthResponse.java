package dev.strongroom.model.wire;

/** {@code GET /api/v1/health}: "ok" when the server can reach its database. */
public record HealthResponse(String status) {}
