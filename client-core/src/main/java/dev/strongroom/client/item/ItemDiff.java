package dev.strongroom.client.item;

import dev.strongroom.client.secret.SecretText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Field-level history: which fields differ between two versions of an item (without their values),
 * and restoring one field from an older version.
 */
public final class ItemDiff {

    private static final List<String> COMMON =
            List.of("name", "folder", "tags", "notes", "rotation", "expires");

    private ItemDiff() {}

    /**
     * The fields that differ from {@code older} to {@code newer}, in a stable order: common fields,
     * type (if it changed), type-specific fields, environment variables, custom fields. Timestamps
     * are not reported.
     */
    public static List<FieldChange> between(ItemContent older, ItemContent newer) {
        List<FieldChange> changes = new ArrayList<>();
        for (String name : COMMON) {
            compare(changes, FieldRef.item(name), common(older, name), common(newer, name), false);
        }
        if (older.type() != newer.type()) {
            changes.add(new FieldChange(FieldRef.item("type"), FieldChange.Kind.CHANGED, false));
        }
        Map<String, Object> before = older.data().fieldValues();
        Map<String, Object> after = newer.data().fieldValues();
        List<ItemType.FieldSpec> specs = new ArrayList<>(older.type().fields());
        if (older.type() != newer.type()) {
            specs.addAll(newer.type().fields());
        }
        for (ItemType.FieldSpec spec : specs) {
            Object a = older.type().field(spec.name()) == spec ? before.get(spec.name()) : null;
            Object b = newer.type().field(spec.name()) == spec ? after.get(spec.name()) : null;
            if (spec.kind() == ItemType.ValueKind.ENV_VARS && older.type() == newer.type()) {
                diffEnv(changes, castVars(a), castVars(b));
            } else {
                compare(changes, FieldRef.data(spec.name()), a, b, spec.secret());
            }
        }
        diffCustom(changes, older.fields(), newer.fields());
        return changes;
    }

    /**
     * A new version of {@code current} in which {@code field} has its value from {@code older} (or
     * is removed, if {@code older} did not have it), stamped modified at {@code now}. The result is
     * a deep copy: it shares no secret with either input.
     */
    public static ItemContent restore(
            ItemContent current, ItemContent older, FieldRef field, Instant now) {
        ItemContent base = current.copy();
        ItemContent.Builder builder = base.toBuilder().modified(now);
        switch (field.section()) {
            case ITEM:
                restoreCommon(builder, older, field);
                break;
            case CUSTOM:
                builder.fields(restoreCustom(base.fields(), older, field));
                break;
            case DATA:
                builder.data(restoreData(base, older, field));
                break;
            default:
                builder.data(restoreEnv(base, older, field));
                break;
        }
        return builder.build();
    }

    private static void restoreCommon(
            ItemContent.Builder builder, ItemContent older, FieldRef field) {
        switch (field.name()) {
            case "name" -> builder.name(older.name());
            case "folder" -> builder.folder(older.folder());
            case "tags" -> builder.tags(older.tags());
            case "notes" -> builder.notes(older.notes());
            case "rotation" -> builder.rotation(older.rotation());
            case "expires" -> builder.expires(older.expires());
            default ->
                    throw new ItemValidationException(
                            field.toString(), "is not a field that can be restored");
        }
    }

    private static List<CustomField> restoreCustom(
            List<CustomField> current, ItemContent older, FieldRef field) {
        List<CustomField> fields = new ArrayList<>(current);
        int index = -1;
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(field.name())) {
                index = i;
            }
        }
        CustomField old = older.field(field.name());
        if (old == null && index < 0) {
            throw new ItemValidationException(field.toString(), "exists in neither version");
        }
        if (index >= 0) {
            fields.get(index).value().wipe();
        }
        if (old == null) {
            fields.remove(index);
        } else if (index >= 0) {
            fields.set(index, old.copy());
        } else {
            fields.add(old.copy());
        }
        return fields;
    }

    private static ItemData restoreData(ItemContent base, ItemContent older, FieldRef field) {
        requireSameType(base, older, field);
        ItemType.FieldSpec spec = base.type().field(field.name());
        if (spec == null) {
            throw new ItemValidationException(
                    field.toString(), "is not a field of " + base.type().wireName());
        }
        Map<String, Object> values = new LinkedHashMap<>(base.data().fieldValues());
        Object replaced = values.remove(field.name());
        Object restored = older.data().fieldValues().get(field.name());
        if (restored != null) {
            values.put(field.name(), ItemData.copyValue(restored));
        }
        ItemData data = base.type().create(reorder(base.type(), values));
        wipeValue(replaced);
        return data;
    }

    private static ItemData restoreEnv(ItemContent base, ItemContent older, FieldRef field) {
        requireSameType(base, older, field);
        if (base.type() != ItemType.ENVIRONMENT) {
            throw new ItemValidationException(field.toString(), "item is not an environment set");
        }
        List<EnvVar> vars = new ArrayList<>(((EnvironmentSet) base.data()).vars());
        EnvVar old = ((EnvironmentSet) older.data()).get(field.name());
        int index = -1;
        for (int i = 0; i < vars.size(); i++) {
            if (vars.get(i).name().equals(field.name())) {
                index = i;
            }
        }
        if (old == null && index < 0) {
            throw new ItemValidationException(field.toString(), "exists in neither version");
        }
        if (index >= 0) {
            vars.get(index).value().wipe();
        }
        if (old == null) {
            vars.remove(index);
        } else if (index >= 0) {
            vars.set(index, old.copy());
        } else {
            vars.add(old.copy());
        }
        return new EnvironmentSet(vars);
    }

    private static void requireSameType(ItemContent base, ItemContent older, FieldRef field) {
        if (base.type() != older.type()) {
            throw new ItemValidationException(
                    field.toString(), "cannot be restored across item types");
        }
    }

    private static Map<String, Object> reorder(ItemType type, Map<String, Object> values) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (ItemType.FieldSpec spec : type.fields()) {
            if (values.containsKey(spec.name())) {
                ordered.put(spec.name(), values.get(spec.name()));
            }
        }
        return ordered;
    }

    private static void wipeValue(Object value) {
        if (value instanceof SecretText) {
            ((SecretText) value).wipe();
        } else if (value instanceof List<?> list) {
            list.forEach(
                    v -> {
                        if (v instanceof EnvVar) {
                            ((EnvVar) v).value().wipe();
                        }
                    });
        }
    }

    private static Object common(ItemContent item, String name) {
        switch (name) {
            case "name":
                return item.name();
            case "folder":
                return item.folder();
            case "tags":
                return item.tags();
            case "notes":
                return item.notes();
            case "rotation":
                return item.rotation();
            default:
                return item.expires();
        }
    }

    private static void compare(
            List<FieldChange> out, FieldRef ref, Object before, Object after, boolean secret) {
        if (before == null && after == null) {
            return;
        }
        if (before == null) {
            out.add(new FieldChange(ref, FieldChange.Kind.ADDED, secret));
        } else if (after == null) {
            out.add(new FieldChange(ref, FieldChange.Kind.REMOVED, secret));
        } else if (!Objects.equals(before, after)) {
            out.add(new FieldChange(ref, FieldChange.Kind.CHANGED, secret));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<EnvVar> castVars(Object value) {
        return value == null ? List.of() : (List<EnvVar>) value;
    }

    private static void diffEnv(List<FieldChange> out, List<EnvVar> before, List<EnvVar> after) {
        Map<String, SecretText> a = new LinkedHashMap<>();
        before.forEach(v -> a.put(v.name(), v.value()));
        Map<String, SecretText> b = new LinkedHashMap<>();
        after.forEach(v -> b.put(v.name(), v.value()));
        for (String name : a.keySet()) {
            compare(out, FieldRef.env(name), a.get(name), b.get(name), true);
        }
        for (String name : b.keySet()) {
            if (!a.containsKey(name)) {
                compare(out, FieldRef.env(name), null, b.get(name), true);
            }
        }
    }

    private static void diffCustom(
            List<FieldChange> out, List<CustomField> before, List<CustomField> after) {
        Map<String, CustomField> a = new LinkedHashMap<>();
        before.forEach(f -> a.put(f.name(), f));
        Map<String, CustomField> b = new LinkedHashMap<>();
        after.forEach(f -> b.put(f.name(), f));
        for (CustomField f : before) {
            CustomField other = b.get(f.name());
            boolean secret =
                    f.kind() == FieldKind.HIDDEN
                            || (other != null && other.kind() == FieldKind.HIDDEN);
            compare(out, FieldRef.custom(f.name()), f, other, secret);
        }
        for (CustomField f : after) {
            if (!a.containsKey(f.name())) {
                compare(out, FieldRef.custom(f.name()), null, f, f.kind() == FieldKind.HIDDEN);
            }
        }
    }
}
