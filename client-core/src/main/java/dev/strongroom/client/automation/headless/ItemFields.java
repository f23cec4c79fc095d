package dev.strongroom.client.automation.headless;

import dev.strongroom.client.item.CustomField;
import dev.strongroom.client.item.EnvironmentSet;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.secret.SecretText;
import java.util.List;
import java.util.Optional;

/**
 * The field a reference's last segment names in an item, in the order {@code item get --field}
 * looks: a type field by schema name ({@code password}, {@code key}, {@code host}; an environment
 * set's {@code vars} as NAME=VALUE lines), a custom field, one variable of an environment set, then
 * the item's {@code notes}.
 */
final class ItemFields {

    private ItemFields() {}

    /** A copy of the value (the caller closes it), or empty when the item has no such field. */
    static Optional<SecretText> value(ItemContent c, String field) {
        Object v = c.data().fieldValues().get(field);
        if (v instanceof SecretText s) {
            return Optional.of(s.copy());
        }
        if (v != null && c.data() instanceof EnvironmentSet env && field.equals("vars")) {
            return Optional.of(SecretText.takeOwnership(env.format()));
        }
        if (v instanceof List<?> list) {
            return Optional.of(
                    text(String.join("\n", list.stream().map(String::valueOf).toList())));
        }
        if (v != null) {
            return Optional.of(text(String.valueOf(v)));
        }
        CustomField custom = c.field(field);
        if (custom != null) {
            return Optional.of(custom.value().copy());
        }
        if (c.data() instanceof EnvironmentSet env && env.get(field) != null) {
            return Optional.of(env.get(field).value().copy());
        }
        if (field.equals("notes") && c.notes() != null) {
            return Optional.of(text(c.notes()));
        }
        return Optional.empty();
    }

    private static SecretText text(String s) {
        return SecretText.takeOwnership(s.toCharArray());
    }
}
