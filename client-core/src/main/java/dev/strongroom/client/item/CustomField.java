package dev.strongroom.client.item;

import dev.strongroom.client.secret.SecretText;
import java.util.Objects;

/**
 * A user-defined field on any item. The value is held as a {@link SecretText} whatever the kind, so
 * a field that turns out to be sensitive never sat in a String. Names are unique per item (they
 * identify the field in history and restore) and are not secret: search indexes them.
 */
public record CustomField(FieldKind kind, String name, SecretText value) {

    public static final int MAX_NAME = 128;

    public CustomField {
        Objects.requireNonNull(kind, "kind");
        name = Check.text("fields.name", name, MAX_NAME);
        value = Check.secretMaybeEmpty("fields." + name, value, Check.SECRET);
        if (kind == FieldKind.URL) {
            String field = "fields." + name;
            Check.onChars(value, chars -> Check.urlChars(field, chars));
        }
    }

    /** An independent copy (its secret must be wiped separately). */
    public CustomField copy() {
        return new CustomField(kind, name, value.copy());
    }
}
