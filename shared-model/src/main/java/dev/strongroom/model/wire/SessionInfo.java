package dev.strongroom.model.wire;

import java.util.UUID;

/**
 * One session of the caller. It ends at {@code absoluteExpiresAt}, or earlier when unused for the
 * idle period ({@code idleExpiresAt} moves forward with use), or when revoked.
 */
public record SessionInfo(
        UUID sessionId,
        String deviceName,
        long createdAt,
        long lastUsedAt,
        long idleExpiresAt,
        long absoluteExpiresAt,
        boolean current) {}
