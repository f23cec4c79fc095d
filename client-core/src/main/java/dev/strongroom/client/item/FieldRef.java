package dev.strongroom.client.item;

import java.util.Objects;

/**
 * Names one field of an item for history and restore: a common field ({@code name}, {@code folder},
 * {@code tags}, {@code notes}, {@code rotation}, {@code expires}), a type-specific field by schema
 * name (e.g. {@code password}), a custom field by its name, or one environment variable by its
 * name.
 */
public record FieldRef(Section section, String name) {

    /** Where the field lives. */
    public enum Section {
        ITEM,
        DATA,
        CUSTOM,
        ENV
    }

    public FieldRef {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(name, "name");
    }

    public static FieldRef item(String name) {
        return new FieldRef(Section.ITEM, name);
    }

    public static FieldRef data(String name) {
        return new FieldRef(Section.DATA, name);
    }

    public static FieldRef custom(String name) {
        return new FieldRef(Section.CUSTOM, name);
    }

    public static FieldRef env(String name) {
        return new FieldRef(Section.ENV, name);
    }

    /** {@code name}, {@code data.password}, {@code field:PIN} or {@code env:DATABASE_URL}. */
    @Override
    public String toString() {
        switch (section) {
            case ITEM:
                return name;
            case DATA:
                return "data." + name;
            case CUSTOM:
                return "field:" + name;
            default:
                return "env:" + name;
        }
    }
}
