package dev.strongroom.model.log;

import com.fasterxml.jackson.annotation.JsonValue;

/** Access to one vault, granted by a signed log entry. */
public enum Permission {
    READ,
    WRITE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
