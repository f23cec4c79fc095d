package dev.strongroom.model.wire;

/**
 * Presence checks used in the compact constructors of wire records, so a document missing a
 * required field is rejected while it is being read, with a message naming only the field.
 */
public final class Require {

    private Require() {}

    /**
     * Returns the value, or throws when it is null.
     *
     * @throws IllegalArgumentException naming the missing field
     */
    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new MissingFieldException(field);
        }
        return value;
    }

    /** A required field was absent or null. */
    public static final class MissingFieldException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String field;

        MissingFieldException(String field) {
            super("field '" + field + "' is required");
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
