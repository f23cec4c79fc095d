package dev.strongroom.client.machine;

import dev.strongroom.model.log.Permission;
import java.util.Map;

/**
 * One machine account of a team as this device sees it. {@code name}, {@code grants} (vault id to
 * permission) and {@code expiresAt} come from the verified membership log while the machine is in
 * it; {@code createdBy}, {@code createdAt}, {@code lastUsedAt} and, for a machine no longer in the
 * log, its name come from the server. {@code revoked} is true when the log no longer holds the
 * machine or the server says it was revoked. Times are epoch milliseconds, null when unset.
 */
public record MachineInfo(
        String machineId,
        String name,
        Map<String, Permission> grants,
        Long expiresAt,
        boolean revoked,
        Long revokedAt,
        String createdBy,
        Long createdAt,
        Long lastUsedAt) {

    public MachineInfo {
        grants = Map.copyOf(grants);
    }

    /** Where the account stands at {@code nowMillis}: active, expired or revoked. */
    public Status status(long nowMillis) {
        if (revoked) {
            return Status.REVOKED;
        }
        return expiresAt != null && nowMillis >= expiresAt ? Status.EXPIRED : Status.ACTIVE;
    }

    /** Where a machine account stands. */
    public enum Status {
        ACTIVE,
        EXPIRED,
        REVOKED
    }
}
