package dev.strongroom.client.team;

import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import java.util.Map;

/**
 * A member as the verified membership log records them: the bundle (fingerprint) they were added
 * with, their role, and their access per vault id.
 */
public record TeamMember(
        String accountId,
        String email,
        Role role,
        String fingerprintDigits,
        Map<String, Permission> vaults) {}
