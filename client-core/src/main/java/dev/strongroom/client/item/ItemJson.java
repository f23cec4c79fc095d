package dev.strongroom.client.item;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.client.secret.SecretTextJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The serialised item, version 1: one UTF-8 JSON object whose first key is {@code "v":1} and second
 * {@code "type"}, then {@code name}, optional {@code folder}, {@code tags}, optional {@code notes},
 * {@code fields} (custom fields as {@code {"kind","name","value"}}), optional {@code rotation}
 * ({@code {"everyDays","lastRotated"}}), optional {@code expires} (YYYY-MM-DD), {@code created} and
 * {@code modified} (ISO-8601 UTC instants as {@link java.time.Instant#toString()} writes them), and
 * {@code data}, the type-specific fields of {@link ItemType} (environment variables as an object
 * {@code {"NAME":"value",...}}). Absent optional values are omitted; null is never written or
 * accepted. The writer is canonical: the same item always gives the same bytes.
 */
final class ItemJson {

    static final int VERSION = 1;

    /** Larger than any valid item (a 1 MiB note is at most ~6 MiB escaped); guards the parser. */
    static final int MAX_BYTES = 8 * 1024 * 1024;

    static final JsonFactory FACTORY =
            JsonFactory.builder()
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .streamReadConstraints(
                            StreamReadConstraints.builder()
                                    .maxNestingDepth(8)
                                    .maxStringLength(MAX_BYTES)
                                    .maxNumberLength(12)
                                    .build())
                    .build();

    private ItemJson() {}

    static byte[] write(ItemContent item) {
        WipeableBuffer out = new WipeableBuffer();
        try {
            try (JsonGenerator g = FACTORY.createGenerator(out)) {
                g.writeStartObject();
                g.writeNumberField("v", VERSION);
                g.writeStringField("type", item.type().wireName());
                g.writeStringField("name", item.name());
                if (item.folder() != null) {
                    g.writeStringField("folder", item.folder());
                }
                writeTextList(g, "tags", item.tags());
                if (item.notes() != null) {
                    g.writeStringField("notes", item.notes());
                }
                g.writeArrayFieldStart("fields");
                for (CustomField field : item.fields()) {
                    g.writeStartObject();
                    g.writeStringField("kind", field.kind().wireName());
                    g.writeStringField("name", field.name());
                    g.writeFieldName("value");
                    SecretTextJson.write(g, field.value());
                    g.writeEndObject();
                }
                g.writeEndArray();
                if (item.rotation() != null) {
                    g.writeObjectFieldStart("rotation");
                    g.writeNumberField("everyDays", item.rotation().everyDays());
                    g.writeStringField("lastRotated", item.rotation().lastRotated().toString());
                    g.writeEndObject();
                }
                if (item.expires() != null) {
                    g.writeStringField("expires", item.expires().toString());
                }
                g.writeStringField("created", item.created().toString());
                g.writeStringField("modified", item.modified().toString());
                g.writeObjectFieldStart("data");
                writeData(g, item.data());
                g.writeEndObject();
                g.writeEndObject();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise item", e);
        } finally {
            out.wipe();
        }
    }

    @SuppressWarnings("unchecked")
    private static void writeData(JsonGenerator g, ItemData data) throws IOException {
        Map<String, Object> fields = data.fieldValues();
        for (ItemType.FieldSpec spec : data.type().fields()) {
            Object value = fields.get(spec.name());
            if (value == null) {
                continue;
            }
            switch (spec.kind()) {
                case TEXT -> g.writeStringField(spec.name(), (String) value);
                case INT -> g.writeNumberField(spec.name(), (Integer) value);
                case TEXT_LIST -> writeTextList(g, spec.name(), (List<String>) value);
                case SECRET -> {
                    g.writeFieldName(spec.name());
                    SecretTextJson.write(g, (SecretText) value);
                }
                case ENV_VARS -> {
                    g.writeObjectFieldStart(spec.name());
                    for (EnvVar var : (List<EnvVar>) value) {
                        g.writeFieldName(var.name());
                        SecretTextJson.write(g, var.value());
                    }
                    g.writeEndObject();
                }
            }
        }
    }

    private static void writeTextList(JsonGenerator g, String name, List<String> values)
            throws IOException {
        g.writeArrayFieldStart(name);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    static ItemContent read(byte[] bytes) {
        return new ItemJsonReader(bytes).read();
    }

    /** Output buffer that can be zeroed, since the document holds secrets. */
    static final class WipeableBuffer extends ByteArrayOutputStream {
        WipeableBuffer() {
            super(1024);
        }

        void wipe() {
            Arrays.fill(buf, (byte) 0);
            count = 0;
        }
    }
}
