package dev.strongroom.desktop.sync;

import dev.strongroom.client.item.FieldChange;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.ItemDiff;
import dev.strongroom.client.secret.SecretText;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of the conflict dialog: each field with this device's value and the server's, side by
 * side. Only public values are written out; a secret field shows whether it differs, never its
 * value (which field differs is client-core's {@link ItemDiff}).
 */
final class VersionRows {

    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    static final String MASK = "••••••";

    /** One field; {@code differs} marks the rows to look at. */
    record Row(String field, String mine, String theirs, boolean differs) {}

    private VersionRows() {}

    /** Either side may be null: a delete (mine) or a tombstone on the server (theirs). */
    static List<Row> of(ItemContent mine, ItemContent theirs) {
        List<Row> rows = new ArrayList<>();
        if (mine == null || theirs == null) {
            rows.add(
                    new Row(
                            "Item",
                            mine == null ? "deleted" : mine.name(),
                            theirs == null ? "deleted" : theirs.name(),
                            true));
            return rows;
        }
        Set<String> changed = new HashSet<>();
        Set<String> secretChanged = new HashSet<>();
        for (FieldChange c : ItemDiff.between(theirs, mine)) {
            changed.add(c.field().name());
            if (c.secret()) {
                secretChanged.add(c.field().toString());
            }
        }
        add(rows, changed, "name", "Name", mine.name(), theirs.name());
        add(rows, changed, "type", "Type", mine.type().wireName(), theirs.type().wireName());
        add(rows, changed, "folder", "Folder", mine.folder(), theirs.folder());
        add(
                rows,
                changed,
                "tags",
                "Tags",
                String.join(", ", mine.tags()),
                String.join(", ", theirs.tags()));
        if (mine.type() == theirs.type()) {
            Map<String, Object> a = mine.data().fieldValues();
            Map<String, Object> b = theirs.data().fieldValues();
            for (String key : a.keySet()) {
                if (a.get(key) instanceof SecretText || b.get(key) instanceof SecretText) {
                    boolean differs = changed.contains(key);
                    rows.add(new Row(key, MASK, differs ? MASK + " (differs)" : MASK, differs));
                } else {
                    add(rows, changed, key, key, text(a.get(key)), text(b.get(key)));
                }
            }
        }
        boolean notes = changed.contains("notes");
        rows.add(
                new Row(
                        "Notes",
                        notes ? "(edited here)" : "(same)",
                        notes ? "(edited there)" : "(same)",
                        notes));
        rows.add(
                new Row(
                        "Modified",
                        WHEN.format(mine.modified()),
                        WHEN.format(theirs.modified()),
                        false));
        if (!secretChanged.isEmpty()) {
            rows.add(
                    new Row(
                            "Secret fields that differ",
                            String.join(", ", secretChanged),
                            "",
                            true));
        }
        return rows;
    }

    private static void add(
            List<Row> rows,
            Set<String> changed,
            String key,
            String label,
            String mine,
            String theirs) {
        rows.add(
                new Row(
                        label,
                        mine == null ? "" : mine,
                        theirs == null ? "" : theirs,
                        changed.contains(key)));
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            // lists of strings (URLs) are public; anything else (environment variables) may hold
            // secrets, so only its size is shown
            return list.stream().allMatch(String.class::isInstance)
                    ? String.join(", ", list.stream().map(String.class::cast).toList())
                    : list.size() + " entries";
        }
        if (!(value instanceof String || value instanceof Number)) {
            return "(not shown)";
        }
        return String.valueOf(value);
    }
}
