package dev.strongroom.model.wire;

import java.util.UUID;

/**
 * A machine account as the server holds it (never its secret or secret hash). {@code expiresAt}
 * comes from the signed {@code add_machine} entry; {@code revokedAt} is set by a {@code
 * remove_machine} entry; {@code lastUsedAt} is updated at most about once a minute.
 */
public record MachineSummary(
        UUID machineId,
        UUID teamId,
        String name,
        UUID createdBy,
        long createdAt,
        Long expiresAt,
        Long revokedAt,
        Long lastUsedAt) {}
