package dev.strongroom.client.item;

/**
 * One field that differs between two versions of an item. It says which field and how, never the
 * values; {@code secret} tells a UI that the field is a masked one ("password changed").
 */
public record FieldChange(FieldRef field, Kind kind, boolean secret) {

    /** How the field differs. */
    public enum Kind {
        ADDED,
        REMOVED,
        CHANGED
    }
}
