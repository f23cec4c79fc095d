package dev.strongroom.client.item;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.client.secret.SecretTextJson;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strict reader of {@link ItemJson}'s format. Every problem is an {@link ItemFormatException} that
 * names the key or the position, never a value: Jackson's own messages (which can quote input) are
 * never passed on. Secrets read before a failure are wiped.
 */
final class ItemJsonReader {

    private final byte[] bytes;
    private final List<SecretText> secrets = new ArrayList<>();
    private JsonParser p;

    ItemJsonReader(byte[] bytes) {
        this.bytes = bytes;
    }

    ItemContent read() {
        if (bytes.length > ItemJson.MAX_BYTES) {
            throw new ItemFormatException(
                    "item", "is larger than " + ItemJson.MAX_BYTES + " bytes");
        }
        boolean ok = false;
        try (JsonParser parser = ItemJson.FACTORY.createParser(bytes)) {
            p = parser;
            ItemContent item = readItem();
            if (p.nextToken() != null) {
                throw new ItemFormatException("item", "trailing data after the JSON object");
            }
            ok = true;
            return item;
        } catch (JsonProcessingException e) {
            throw new ItemFormatException("item", "malformed JSON" + where(e.getLocation()));
        } catch (IOException e) {
            throw new ItemFormatException("item", "unreadable JSON");
        } finally {
            if (!ok) {
                secrets.forEach(SecretText::wipe);
            }
        }
    }

    private ItemContent readItem() throws IOException {
        expect(p.nextToken(), JsonToken.START_OBJECT, "item", "must be a JSON object");
        if (p.nextToken() != JsonToken.FIELD_NAME || !p.currentName().equals("v")) {
            throw new ItemFormatException("v", "must be the first key (format version)");
        }
        p.nextToken();
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
                || p.getNumberType() != JsonParser.NumberType.INT) {
            throw new ItemFormatException("v", "must be an integer");
        }
        if (p.getIntValue() != ItemJson.VERSION) {
            throw new ItemFormatException(
                    "v",
                    "unsupported item format version "
                            + p.getIntValue()
                            + " (this client reads version "
                            + ItemJson.VERSION
                            + ")");
        }
        if (p.nextToken() != JsonToken.FIELD_NAME || !p.currentName().equals("type")) {
            throw new ItemFormatException("type", "must be the second key");
        }
        p.nextToken();
        ItemType type = ItemType.fromWireName(text("type"));
        if (type == null) {
            throw new ItemFormatException("type", "unknown item type");
        }
        ItemContent.Builder builder = null;
        String name = null;
        String folder = null;
        List<String> tags = null;
        String notes = null;
        List<CustomField> fields = null;
        RotationPolicy rotation = null;
        LocalDate expires = null;
        Instant created = null;
        Instant modified = null;
        ItemData data = null;
        Set<String> seen = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = key(seen, "item");
            p.nextToken();
            switch (key) {
                case "name" -> name = text(key);
                case "folder" -> folder = text(key);
                case "tags" -> tags = textList(key);
                case "notes" -> notes = text(key);
                case "fields" -> fields = customFields();
                case "rotation" -> rotation = rotation();
                case "expires" -> expires = date(key);
                case "created" -> created = instant(key);
                case "modified" -> modified = instant(key);
                case "data" -> data = data(type);
                default -> throw unknownKey("item", key);
            }
        }
        for (String required : List.of("name", "tags", "fields", "created", "modified", "data")) {
            if (!seen.contains(required)) {
                throw new ItemFormatException(required, "is missing");
            }
        }
        builder = ItemContent.builder(data, name, created);
        return builder.folder(folder)
                .tags(tags)
                .notes(notes)
                .fields(fields)
                .rotation(rotation)
                .expires(expires)
                .modified(modified)
                .build();
    }

    private ItemData data(ItemType type) throws IOException {
        String where = "data";
        expect(p.currentToken(), JsonToken.START_OBJECT, where, "must be a JSON object");
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = key(seen, where);
            ItemType.FieldSpec spec = type.field(key);
            if (spec == null) {
                throw unknownKey(where, key);
            }
            p.nextToken();
            String field = type.wireName() + "." + key;
            values.put(
                    key,
                    switch (spec.kind()) {
                        case TEXT -> text(field);
                        case SECRET -> secret(field);
                        case INT -> integer(field);
                        case TEXT_LIST -> textList(field);
                        case ENV_VARS -> envVars(field);
                    });
        }
        for (ItemType.FieldSpec spec : type.fields()) {
            if (spec.required() && !values.containsKey(spec.name())) {
                throw new ItemFormatException(type.wireName() + "." + spec.name(), "is missing");
            }
        }
        return type.create(values);
    }

    private List<EnvVar> envVars(String field) throws IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT, field, "must be a JSON object");
        List<EnvVar> vars = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (!EnvVar.isValidName(name)) {
                throw new ItemFormatException(field, "has an invalid variable name");
            }
            if (!seen.add(name)) {
                throw new ItemFormatException(field + "." + name, "appears twice");
            }
            p.nextToken();
            vars.add(new EnvVar(name, secret(field + "." + name)));
        }
        return vars;
    }

    private List<CustomField> customFields() throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY, "fields", "must be a JSON array");
        List<CustomField> fields = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String where = "fields[" + fields.size() + "]";
            expect(p.currentToken(), JsonToken.START_OBJECT, where, "must be a JSON object");
            FieldKind kind = null;
            String name = null;
            SecretText value = null;
            Set<String> seen = new HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = key(seen, where);
                p.nextToken();
                switch (key) {
                    case "kind" -> {
                        kind = FieldKind.fromWireName(text(where + ".kind"));
                        if (kind == null) {
                            throw new ItemFormatException(
                                    where + ".kind", "must be text, hidden or url");
                        }
                    }
                    case "name" -> name = text(where + ".name");
                    case "value" -> value = secret(where + ".value");
                    default -> throw unknownKey(where, key);
                }
            }
            if (kind == null || name == null || value == null) {
                throw new ItemFormatException(where, "must have kind, name and value");
            }
            fields.add(new CustomField(kind, name, value));
        }
        return fields;
    }

    private RotationPolicy rotation() throws IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT, "rotation", "must be a JSON object");
        Integer everyDays = null;
        LocalDate lastRotated = null;
        Set<String> seen = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = key(seen, "rotation");
            p.nextToken();
            switch (key) {
                case "everyDays" -> everyDays = integer("rotation.everyDays");
                case "lastRotated" -> lastRotated = date("rotation.lastRotated");
                default -> throw unknownKey("rotation", key);
            }
        }
        if (everyDays == null || lastRotated == null) {
            throw new ItemFormatException("rotation", "must have everyDays and lastRotated");
        }
        return new RotationPolicy(everyDays, lastRotated);
    }

    private String key(Set<String> seen, String where) throws IOException {
        String key = p.currentName();
        if (!seen.add(key)) {
            throw new ItemFormatException(where + "." + safe(key), "appears twice");
        }
        return key;
    }

    private String text(String field) throws IOException {
        expect(p.currentToken(), JsonToken.VALUE_STRING, field, "must be a JSON string");
        return p.getText();
    }

    private SecretText secret(String field) throws IOException {
        expect(p.currentToken(), JsonToken.VALUE_STRING, field, "must be a JSON string");
        SecretText secret = SecretTextJson.read(p);
        secrets.add(secret);
        return secret;
    }

    private int integer(String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
                || p.getNumberType() != JsonParser.NumberType.INT) {
            throw new ItemFormatException(field, "must be a JSON integer");
        }
        return p.getIntValue();
    }

    private List<String> textList(String field) throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY, field, "must be a JSON array");
        List<String> values = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            values.add(text(field + "[" + values.size() + "]"));
        }
        return values;
    }

    private LocalDate date(String field) throws IOException {
        String text = text(field);
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.toString().equals(text)) {
                return date;
            }
        } catch (DateTimeException e) {
            // fall through to the uniform message
        }
        throw new ItemFormatException(field, "must be a date written YYYY-MM-DD");
    }

    private Instant instant(String field) throws IOException {
        String text = text(field);
        Instant fast = CanonicalInstants.parse(text);
        if (fast != null) {
            return fast;
        }
        try {
            Instant instant = Instant.parse(text);
            if (instant.toString().equals(text)) {
                return instant;
            }
        } catch (DateTimeException e) {
            // fall through to the uniform message
        }
        throw new ItemFormatException(
                field, "must be a UTC instant written like 2026-01-02T03:04:05Z");
    }

    private void expect(JsonToken actual, JsonToken expected, String field, String rule) {
        if (actual != expected) {
            throw new ItemFormatException(
                    field, actual == JsonToken.VALUE_NULL ? "must not be null" : rule);
        }
    }

    private static ItemFormatException unknownKey(String where, String key) {
        return new ItemFormatException(where + "." + safe(key), "unknown key");
    }

    /** Keys are shown only when they look like identifiers, so junk input is never echoed. */
    private static String safe(String key) {
        return key.matches("[A-Za-z][A-Za-z0-9_]{0,31}") ? key : "(unprintable key)";
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + " column " + location.getColumnNr();
    }
}
