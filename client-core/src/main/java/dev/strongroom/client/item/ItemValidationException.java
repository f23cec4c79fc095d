package dev.strongroom.client.item;

/**
 * An item field broke a rule. The message is {@code field: rule} (for example {@code database.port:
 * must be 1 to 65535}); it never contains the value, so it is safe to show and log.
 */
public class ItemValidationException extends IllegalArgumentException {

    private final String field;
    private final String rule;

    public ItemValidationException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    /** The field path, e.g. {@code login.urls[2]} or {@code fields[0].name}. */
    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
