package dev.strongroom.model.wire;

import java.util.UUID;

/** An account's enrollment for forgotten-password recovery (never the wrapped key itself). */
public record RecoveryEnrollmentView(
        UUID teamId, UUID accountId, int policyVersion, long enrolledAt) {}
