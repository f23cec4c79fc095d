package dev.strongroom.cli.item;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** Plain-text forms of the agent's item replies, for people. */
final class ItemPrinter {

    private ItemPrinter() {}

    /** One line per item: id, type, vault, name (folder, tags). */
    static String line(JsonNode i) {
        StringBuilder b = new StringBuilder();
        b.append(i.path("id").asText())
                .append("  ")
                .append(String.format("%-11s", i.path("type").asText()))
                .append(" ")
                .append(i.path("vault").asText())
                .append(" / ");
        if (!i.path("folder").isNull() && i.has("folder")) {
            b.append(i.path("folder").asText()).append('/');
        }
        b.append(i.path("name").asText());
        if (i.path("tags").size() > 0) {
            b.append("  [");
            Iterator<JsonNode> tags = i.path("tags").elements();
            while (tags.hasNext()) {
                b.append(tags.next().asText()).append(tags.hasNext() ? ", " : "");
            }
            b.append(']');
        }
        if (i.path("pending").asBoolean()) {
            b.append("  (not yet synced)");
        }
        return b.toString();
    }

    /** The whole item, one "label: value" per line. */
    static String text(JsonNode i) {
        StringBuilder b = new StringBuilder();
        row(b, "name", i.path("name").asText());
        row(b, "id", i.path("id").asText());
        row(b, "type", i.path("type").asText());
        row(b, "vault", i.path("vault").asText());
        row(b, "folder", i.path("folder").asText(null));
        if (i.path("tags").size() > 0) {
            StringBuilder tags = new StringBuilder();
            i.path("tags")
                    .forEach(t -> tags.append(tags.length() == 0 ? "" : ", ").append(t.asText()));
            row(b, "tags", tags.toString());
        }
        Iterator<Map.Entry<String, JsonNode>> data = i.path("data").fields();
        while (data.hasNext()) {
            Map.Entry<String, JsonNode> e = data.next();
            JsonNode v = e.getValue();
            if (v.isArray()) {
                StringBuilder list = new StringBuilder();
                v.forEach(x -> list.append(list.length() == 0 ? "" : ", ").append(x.asText()));
                row(b, e.getKey(), list.toString());
            } else if (v.isObject()) {
                v.fields().forEachRemaining(x -> row(b, "  " + x.getKey(), x.getValue().asText()));
            } else {
                row(b, e.getKey(), v.asText());
            }
        }
        for (JsonNode f : i.path("fields")) {
            row(
                    b,
                    f.path("name").asText() + " (" + f.path("kind").asText() + ")",
                    f.path("value").asText());
        }
        JsonNode cert = i.path("certificate");
        if (cert.isObject()) {
            row(b, "subject", cert.path("subject").asText());
            row(
                    b,
                    "not after",
                    cert.path("notAfter").asText()
                            + (cert.path("expired").asBoolean()
                                    ? " (EXPIRED)"
                                    : " (" + cert.path("daysToExpiry").asLong() + " days left)"));
        }
        JsonNode rot = i.path("rotation");
        if (rot.isObject()) {
            row(
                    b,
                    "rotation",
                    "every "
                            + rot.path("everyDays").asInt()
                            + " days, last "
                            + rot.path("lastRotated").asText()
                            + ", due "
                            + rot.path("dueOn").asText());
        }
        row(b, "expires", i.path("expires").asText(null));
        row(b, "notes", i.path("notes").asText(null));
        row(
                b,
                "revision",
                i.path("revision").asText()
                        + (i.path("pending").asBoolean() ? " (not yet synced)" : ""));
        row(b, "modified", i.path("modified").asText());
        return b.toString().stripTrailing();
    }

    private static void row(StringBuilder b, String label, String value) {
        if (value == null || value.equals("null")) {
            return;
        }
        b.append(String.format("%-10s ", label + ":"))
                .append(value.replace("\n", "\n           "))
                .append('\n');
    }
}
