package dev.strongroom.model.log;

import com.fasterxml.jackson.annotation.JsonValue;

/** A member's role in a team, as established by the verified membership log. */
public enum Role {
    OWNER,
    ADMIN,
    MEMBER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether a holder of this role may manage (add, re-role, remove) someone of {@code other}. */
    boolean canManage(Role other) {
        return this == OWNER || (this == ADMIN && other != OWNER);
    }
}
