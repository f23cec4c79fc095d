package dev.strongroom.client.team;

import dev.strongroom.model.log.Role;

/** A team this account belongs to, from its verified log. */
public record TeamInfo(
        String teamId, String name, Role myRole, int members, int vaults, long logSeq) {}
