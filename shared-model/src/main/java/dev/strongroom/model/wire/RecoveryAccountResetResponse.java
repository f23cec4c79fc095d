package dev.strongroom.model.wire;

import java.util.UUID;

/** The member whose credentials were replaced and how many of their sessions were revoked. */
public record RecoveryAccountResetResponse(UUID accountId, int revokedSessions) {}
