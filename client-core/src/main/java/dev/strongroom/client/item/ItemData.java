package dev.strongroom.client.item;

import dev.strongroom.client.secret.SecretText;
import java.util.List;
import java.util.Map;

/**
 * The type-specific part of an item. Each implementation is an immutable record that validates
 * itself on construction and owns its {@link SecretText} values ({@link #wipe()} wipes them).
 */
public sealed interface ItemData
        permits Login,
                ApiKey,
                DatabaseCredential,
                SshKey,
                CertificateBundle,
                SecureNote,
                EnvironmentSet {

    ItemType type();

    /**
     * The present fields by schema name, in schema order (absent optional fields are left out).
     * Values are String, SecretText, Integer, List of String or List of EnvVar; they are this
     * record's own objects, not copies.
     */
    Map<String, Object> fieldValues();

    /** Wipes every secret this record holds. */
    default void wipe() {
        for (Object value : fieldValues().values()) {
            wipeValue(value);
        }
    }

    /** An independent deep copy: every secret copied, so the two can be wiped separately. */
    default ItemData copy() {
        java.util.LinkedHashMap<String, Object> copy = new java.util.LinkedHashMap<>();
        fieldValues().forEach((name, value) -> copy.put(name, copyValue(value)));
        return type().create(copy);
    }

    /** Deep copy of a field value (secrets copied). */
    static Object copyValue(Object value) {
        if (value instanceof SecretText) {
            return ((SecretText) value).copy();
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof EnvVar) {
            return list.stream().map(v -> ((EnvVar) v).copy()).toList();
        }
        return value;
    }

    private static void wipeValue(Object value) {
        if (value instanceof SecretText) {
            ((SecretText) value).wipe();
        } else if (value instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof EnvVar) {
                    ((EnvVar) element).value().wipe();
                }
            }
        }
    }
}
