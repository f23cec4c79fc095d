package dev.strongroom.client.item;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the ordered field maps of {@link ItemData#fieldValues()}, leaving out absent values. */
final class Fields {

    private final Map<String, Object> values = new LinkedHashMap<>();

    Fields put(String name, Object value) {
        if (value != null) {
            values.put(name, value);
        }
        return this;
    }

    Map<String, Object> build() {
        return java.util.Collections.unmodifiableMap(values);
    }
}
