package dev.strongroom.cli.item;

import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.item.CustomField;
import dev.strongroom.client.item.FieldKind;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.ItemData;
import dev.strongroom.client.item.ItemType;
import dev.strongroom.client.item.RotationPolicy;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the content of a new item, or the next version of an existing one, from the field flags,
 * stdin and files. Type-specific values go through {@link ItemValues}; client-core's records
 * validate everything (a bad value is one line naming the field, never the value).
 */
final class ItemBuilder {

    private ItemBuilder() {}

    /** A new item of {@code type}, or {@code base} (from --from-file) with the flags applied. */
    static ItemContent create(ItemType type, ItemContent base, ItemFieldOptions o, InputStream in) {
        if (base == null && o.name == null) {
            throw new CliException(ExitCode.USAGE, "--name is required");
        }
        return apply(type, base, o, ItemSources.read(type, o, in), true);
    }

    /** The next version of {@code current}: its values with the flags applied. */
    static ItemContent edit(ItemContent current, ItemFieldOptions o, InputStream in) {
        if (o.generateSshKey && current.type() != ItemType.SSH_KEY) {
            throw new CliException(ExitCode.USAGE, "--generate-ssh-key is for SSH key items");
        }
        return apply(current.type(), current, o, ItemSources.read(current.type(), o, in), false);
    }

    /** The next version of {@code current} with one field set (the caller keeps {@code value}). */
    static ItemContent withField(ItemContent current, String field, char[] value) {
        Map<String, char[]> sources = new java.util.HashMap<>();
        sources.put(field, value.clone());
        return apply(current.type(), current, new ItemFieldOptions(), sources, false);
    }

    private static ItemContent apply(
            ItemType type,
            ItemContent base,
            ItemFieldOptions o,
            Map<String, char[]> sources,
            boolean isNew) {
        ItemValues values = new ItemValues(type, base == null ? null : base.data());
        List<CustomField> fields = base == null ? new ArrayList<>() : copyFields(base.fields());
        boolean secretChanged;
        ItemData data;
        try {
            secretChanged = values.apply(o, sources, fields);
            data = values.build(o, isNew && base == null);
        } catch (RuntimeException e) {
            values.wipe();
            fields.forEach(f -> f.value().wipe());
            throw e;
        } finally {
            sources.values().forEach(c -> java.util.Arrays.fill(c, '\0'));
        }
        Instant now = Instant.now();
        ItemContent.Builder b =
                base == null
                        ? ItemContent.builder(data, o.name, now)
                        : base.toBuilder().data(data).modified(laterOf(now, base.created()));
        try {
            if (o.name != null) {
                b.name(o.name);
            }
            if (o.folder != null) {
                b.folder(o.folder.isEmpty() ? null : o.folder);
            }
            if (o.notes != null) {
                b.notes(o.notes.isEmpty() ? null : o.notes);
            }
            List<String> tags = new ArrayList<>(base == null ? List.of() : base.tags());
            for (String t : o.untags) {
                tags.removeIf(x -> x.equalsIgnoreCase(t));
            }
            for (String t : o.tags) {
                if (tags.stream().noneMatch(x -> x.equalsIgnoreCase(t))) {
                    tags.add(t);
                }
            }
            b.tags(tags);
            customFields(fields, o);
            b.fields(fields);
            b.rotation(rotation(base == null ? null : base.rotation(), o, secretChanged));
            if (o.expires != null) {
                b.expires(expires(o.expires));
            }
            return b.build();
        } catch (RuntimeException e) {
            data.wipe();
            fields.forEach(f -> f.value().wipe());
            throw e;
        }
    }

    private static Instant laterOf(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static List<CustomField> copyFields(List<CustomField> fields) {
        List<CustomField> out = new ArrayList<>();
        fields.forEach(f -> out.add(f.copy()));
        return out;
    }

    /** Applies --field KIND:NAME=VALUE and --remove-field. */
    private static void customFields(List<CustomField> fields, ItemFieldOptions o) {
        for (String name : o.removeFields) {
            if (!fields.removeIf(f -> f.name().equals(name))) {
                throw new CliException(
                        ExitCode.NOT_FOUND, "the item has no custom field '" + name + "'");
            }
        }
        for (String spec : o.fields) {
            int colon = spec.indexOf(':');
            int eq = spec.indexOf('=');
            if (colon < 1 || eq < colon + 2) {
                throw new CliException(ExitCode.USAGE, "--field must be KIND:NAME=VALUE");
            }
            String kind = spec.substring(0, colon).toLowerCase(Locale.ROOT);
            FieldKind k =
                    switch (kind) {
                        case "text" -> FieldKind.TEXT;
                        case "url" -> FieldKind.URL;
                        case "hidden" ->
                                throw new CliException(
                                        ExitCode.USAGE,
                                        "hidden field values never go on the command line: use"
                                                + " --field-stdin NAME or --field-file NAME=PATH");
                        default ->
                                throw new CliException(
                                        ExitCode.USAGE, "--field KIND must be text or url");
                    };
            setField(
                    fields,
                    new CustomField(
                            k,
                            spec.substring(colon + 1, eq),
                            dev.strongroom.client.secret.SecretText.copyOf(
                                    spec.substring(eq + 1).toCharArray())));
        }
    }

    static void setField(List<CustomField> fields, CustomField field) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(field.name())) {
                fields.get(i).value().wipe();
                fields.set(i, field);
                return;
            }
        }
        fields.add(field);
    }

    private static RotationPolicy rotation(
            RotationPolicy current, ItemFieldOptions o, boolean secretChanged) {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        if (o.rotateEveryDays != null) {
            if (o.rotateEveryDays == 0) {
                return null;
            }
            LocalDate last =
                    o.rotatedOn != null
                            ? o.rotatedOn
                            : current != null && !secretChanged ? current.lastRotated() : today;
            return new RotationPolicy(o.rotateEveryDays, last);
        }
        if (current == null) {
            if (o.rotatedOn != null) {
                throw new CliException(
                        ExitCode.USAGE,
                        "--rotated-on needs a rotation policy (--rotate-every-days N)");
            }
            return null;
        }
        if (o.rotatedOn != null) {
            return current.rotatedOn(o.rotatedOn);
        }
        // A new secret restarts the rotation clock.
        return secretChanged ? current.rotatedOn(today) : current;
    }

    private static LocalDate expires(String text) {
        if (text.isEmpty() || text.equals("never")) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CliException(ExitCode.USAGE, "--expires must be YYYY-MM-DD or never");
        }
    }
}
