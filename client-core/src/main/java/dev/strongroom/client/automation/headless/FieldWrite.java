package dev.strongroom.client.automation.headless;

import dev.strongroom.client.automation.AutomationInputException;
import dev.strongroom.client.item.CustomField;
import dev.strongroom.client.item.EnvVar;
import dev.strongroom.client.item.EnvironmentSet;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.secret.SecretText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The next content of an item with one field set, for a machine's {@code write}: a variable of an
 * environment set (replaced, or added when the set has no variable of that name) or an existing
 * custom field (its kind kept). Type fields ({@code password}, {@code key}, ...) are not written
 * here: their records are built by the item editors, and a CI job that rotates a value keeps it in
 * a variable or a custom field. A name that is none of these is refused rather than created, so a
 * typo does not add a field nobody reads.
 */
final class FieldWrite {

    private FieldWrite() {}

    /** A new content (the caller closes it); {@code value} is copied, the item left as it was. */
    static ItemContent apply(ItemContent item, String field, char[] value) {
        if (item.data().fieldValues().containsKey(field)) {
            throw new AutomationInputException(
                    "'"
                            + field
                            + "' is a "
                            + item.type().wireName()
                            + " type field, which write does not change: use a custom field or an"
                            + " environment variable, or strongroom item edit");
        }
        // independent copies throughout: closing the new content leaves the session's item whole
        ItemContent.Builder next = item.toBuilder().modified(later(item));
        if (item.data() instanceof EnvironmentSet env
                && item.field(field) == null
                && EnvVar.isValidName(field)) {
            List<EnvVar> vars = new ArrayList<>();
            boolean replaced = false;
            for (EnvVar v : env.vars()) {
                if (v.name().equals(field)) {
                    vars.add(new EnvVar(field, SecretText.copyOf(value)));
                    replaced = true;
                } else {
                    vars.add(v.copy());
                }
            }
            if (!replaced) {
                vars.add(new EnvVar(field, SecretText.copyOf(value)));
            }
            return next.data(new EnvironmentSet(vars)).fields(copies(item.fields())).build();
        }
        CustomField existing = item.field(field);
        if (existing == null) {
            throw new UnresolvedReferenceException(
                    "the item has no field '"
                            + field
                            + "' to write (write sets a custom field or an environment variable)");
        }
        List<CustomField> fields = new ArrayList<>();
        for (CustomField f : item.fields()) {
            fields.add(
                    f.name().equals(field)
                            ? new CustomField(f.kind(), field, SecretText.copyOf(value))
                            : f.copy());
        }
        return next.data(item.data().copy()).fields(fields).build();
    }

    private static List<CustomField> copies(List<CustomField> fields) {
        return fields.stream().map(CustomField::copy).toList();
    }

    private static Instant later(ItemContent item) {
        Instant now = Instant.now();
        return now.isAfter(item.created()) ? now : item.created();
    }
}
