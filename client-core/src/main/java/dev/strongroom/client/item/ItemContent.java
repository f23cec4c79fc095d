package dev.strongroom.client.item;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The whole plaintext of one item: what is serialised with {@link #toBytes()} and then encrypted as
 * one AEAD ciphertext under the item's key. Immutable and validated on construction; it owns the
 * {@link dev.strongroom.client.secret.SecretText} values of its data and custom fields, and {@link
 * #close()} wipes them.
 *
 * <p>Optional values ({@code folder}, {@code notes}, {@code rotation}, {@code expires}) are null
 * when absent; empty strings are normalised to null. {@code folder} is a path such as {@code
 * Work/Databases} (segments separated by {@code /}, none empty or padded with spaces).
 */
public record ItemContent(
        String name,
        String folder,
        List<String> tags,
        String notes,
        List<CustomField> fields,
        RotationPolicy rotation,
        LocalDate expires,
        Instant created,
        Instant modified,
        ItemData data)
        implements AutoCloseable {

    public static final int MAX_TAGS = 64;
    public static final int MAX_FIELDS = 100;
    public static final int MAX_NOTES = 65_536;

    public ItemContent {
        Objects.requireNonNull(data, "data");
        name = Check.text("name", name, Check.SHORT);
        folder = checkFolder(folder);
        tags = checkTags(tags);
        notes = Check.optionalMultiline("notes", notes, MAX_NOTES);
        fields = checkFields(fields);
        if (created == null) {
            throw new ItemValidationException("created", "is required");
        }
        if (modified == null) {
            throw new ItemValidationException("modified", "is required");
        }
        if (modified.isBefore(created)) {
            throw new ItemValidationException("modified", "must not be before created");
        }
    }

    /** A builder for a new item created at {@code now}. */
    public static Builder builder(ItemData data, String name, Instant now) {
        return new Builder(data, name, now);
    }

    public ItemType type() {
        return data.type();
    }

    /** The custom field called {@code fieldName}, or null. */
    public CustomField field(String fieldName) {
        for (CustomField field : fields) {
            if (field.name().equals(fieldName)) {
                return field;
            }
        }
        return null;
    }

    /** A builder holding this item's values (sharing its secrets: close only one of the two). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** An independent deep copy whose secrets can be wiped separately. */
    public ItemContent copy() {
        return toBuilder().data(data.copy()).fields(copyFields(fields)).build();
    }

    /** The versioned JSON form ({@code {"v":1,...}}); the caller should wipe the bytes. */
    public byte[] toBytes() {
        return ItemJson.write(this);
    }

    /**
     * Reads the form written by {@link #toBytes()}; unknown versions, unknown keys and malformed
     * documents throw {@link ItemFormatException}, content rules {@link ItemValidationException}.
     */
    public static ItemContent fromBytes(byte[] bytes) {
        return ItemJson.read(bytes);
    }

    /** Wipes every secret of this item. */
    @Override
    public void close() {
        data.wipe();
        fields.forEach(f -> f.value().wipe());
    }

    static List<CustomField> copyFields(List<CustomField> fields) {
        List<CustomField> copies = new ArrayList<>(fields.size());
        fields.forEach(f -> copies.add(f.copy()));
        return copies;
    }

    private static String checkFolder(String folder) {
        folder = Check.optionalText("folder", folder, 1024);
        if (folder == null) {
            return null;
        }
        for (String segment : folder.split("/", -1)) {
            if (segment.isEmpty()) {
                throw new ItemValidationException(
                        "folder", "must not have empty segments (leading, trailing or double /)");
            }
            if (!segment.strip().equals(segment)) {
                throw new ItemValidationException(
                        "folder", "segments must not start or end with spaces");
            }
        }
        return folder;
    }

    private static List<String> checkTags(List<String> tags) {
        tags = Check.list("tags", tags, MAX_TAGS);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = Check.text("tags[" + i + "]", tags.get(i), 64);
            if (!tag.strip().equals(tag)) {
                throw new ItemValidationException(
                        "tags[" + i + "]", "must not start or end with spaces");
            }
            if (!seen.add(tag.toLowerCase(Locale.ROOT))) {
                throw new ItemValidationException(
                        "tags[" + i + "]", "duplicate tag (tags are case-insensitive)");
            }
        }
        return tags;
    }

    private static List<CustomField> checkFields(List<CustomField> fields) {
        fields = Check.list("fields", fields, MAX_FIELDS);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            if (!seen.add(fields.get(i).name())) {
                throw new ItemValidationException(
                        "fields[" + i + "].name", "duplicate custom field name");
            }
        }
        return fields;
    }

    /** Builds an {@link ItemContent}; validation happens in {@link #build()}. */
    public static final class Builder {
        private ItemData data;
        private String name;
        private String folder;
        private List<String> tags = List.of();
        private String notes;
        private List<CustomField> fields = new ArrayList<>();
        private RotationPolicy rotation;
        private LocalDate expires;
        private Instant created;
        private Instant modified;

        private Builder(ItemData data, String name, Instant now) {
            this.data = data;
            this.name = name;
            this.created = now;
            this.modified = now;
        }

        private Builder(ItemContent item) {
            data = item.data;
            name = item.name;
            folder = item.folder;
            tags = item.tags;
            notes = item.notes;
            fields = new ArrayList<>(item.fields);
            rotation = item.rotation;
            expires = item.expires;
            created = item.created;
            modified = item.modified;
        }

        public Builder data(ItemData value) {
            data = value;
            return this;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder folder(String value) {
            folder = value;
            return this;
        }

        public Builder tags(List<String> value) {
            tags = value;
            return this;
        }

        public Builder notes(String value) {
            notes = value;
            return this;
        }

        public Builder fields(List<CustomField> value) {
            fields = new ArrayList<>(value);
            return this;
        }

        public Builder addField(CustomField value) {
            fields.add(value);
            return this;
        }

        public Builder rotation(RotationPolicy value) {
            rotation = value;
            return this;
        }

        public Builder expires(LocalDate value) {
            expires = value;
            return this;
        }

        public Builder created(Instant value) {
            created = value;
            return this;
        }

        public Builder modified(Instant value) {
            modified = value;
            return this;
        }

        public ItemContent build() {
            return new ItemContent(
                    name, folder, tags, notes, fields, rotation, expires, created, modified, data);
        }
    }
}
