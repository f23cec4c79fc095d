package dev.strongroom.cli.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.cert.CertificateInfo;
import dev.strongroom.client.item.CertificateBundle;
import dev.strongroom.client.item.CustomField;
import dev.strongroom.client.item.EnvVar;
import dev.strongroom.client.item.EnvironmentSet;
import dev.strongroom.client.item.FieldKind;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.client.vault.ItemSummary;
import dev.strongroom.client.vault.ItemView;
import dev.strongroom.client.vault.VaultInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Items as the agent replies with them. Secret values (type secrets, hidden custom fields,
 * environment values) are {@value #MASK} unless revealed; revealed, they travel to the CLI over the
 * owner-only agent socket as JSON strings (a documented trade-off of the CLI).
 */
final class ItemRender {

    static final String MASK = "********";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ItemRender() {}

    /** id, vault, name, type, folder, tags, revision, pending, modified: never a secret. */
    static ObjectNode summary(VaultInfo vault, ItemView view) {
        ObjectNode n = F.objectNode();
        ItemContent c = view.content();
        n.put("id", view.itemId());
        n.put("vaultId", vault.vaultId());
        n.put("vault", vault.name());
        n.put("name", c.name());
        n.put("type", c.type().wireName());
        n.put("folder", c.folder());
        ArrayNode tags = n.putArray("tags");
        c.tags().forEach(tags::add);
        n.put("revision", view.revision());
        n.put("pending", view.pending());
        n.put("modified", c.modified().toString());
        return n;
    }

    /** The same summary from the kept index (no decryption per call). */
    static ObjectNode summary(VaultInfo vault, ItemSummary item) {
        ObjectNode n = F.objectNode();
        n.put("id", item.itemId());
        n.put("vaultId", vault.vaultId());
        n.put("vault", vault.name());
        n.put("name", item.name());
        n.put("type", item.type().wireName());
        n.put("folder", item.folder());
        ArrayNode tags = n.putArray("tags");
        item.tags().forEach(tags::add);
        n.put("revision", item.revision());
        n.put("pending", item.pending());
        n.put("modified", item.modified().toString());
        return n;
    }

    /** The summary plus notes, custom fields, rotation, expiry, created and the typed data. */
    static ObjectNode full(VaultInfo vault, ItemView view, boolean reveal) {
        ObjectNode n = summary(vault, view);
        ItemContent c = view.content();
        n.put("notes", c.notes());
        ArrayNode fields = n.putArray("fields");
        for (CustomField f : c.fields()) {
            ObjectNode o = fields.addObject();
            o.put("kind", f.kind().wireName());
            o.put("name", f.name());
            o.put(
                    "value",
                    f.kind() == FieldKind.HIDDEN ? secret(f.value(), reveal) : text(f.value()));
        }
        if (c.rotation() == null) {
            n.putNull("rotation");
        } else {
            ObjectNode r = n.putObject("rotation");
            r.put("everyDays", c.rotation().everyDays());
            r.put("lastRotated", c.rotation().lastRotated().toString());
            r.put("dueOn", c.rotation().dueOn().toString());
        }
        n.put("expires", c.expires() == null ? null : c.expires().toString());
        n.put("created", c.created().toString());
        n.put("authorId", view.authorId());
        ObjectNode data = n.putObject("data");
        for (Map.Entry<String, Object> e : c.data().fieldValues().entrySet()) {
            data.set(e.getKey(), value(e.getValue(), reveal));
        }
        if (c.data() instanceof CertificateBundle bundle) {
            CertificateInfo leaf = bundle.parsedChain().leafInfo();
            ObjectNode cert = n.putObject("certificate");
            cert.put("subject", leaf.subject());
            cert.put("issuer", leaf.issuer());
            cert.put("notAfter", bundle.notAfter().toString());
            cert.put("daysToExpiry", leaf.daysToExpiry(Instant.now()));
            cert.put("expired", bundle.notAfter().isBefore(Instant.now()));
        }
        return n;
    }

    private static com.fasterxml.jackson.databind.JsonNode value(Object v, boolean reveal) {
        if (v instanceof SecretText s) {
            return F.textNode(secret(s, reveal));
        }
        if (v instanceof Integer i) {
            return F.numberNode(i);
        }
        if (v instanceof String s) {
            return F.textNode(s);
        }
        if (v instanceof List<?> list) {
            if (!list.isEmpty() && list.get(0) instanceof EnvVar) {
                ObjectNode vars = F.objectNode();
                for (Object o : list) {
                    EnvVar var = (EnvVar) o;
                    vars.put(var.name(), secret(var.value(), reveal));
                }
                return vars;
            }
            ArrayNode a = F.arrayNode();
            list.forEach(o -> a.add(String.valueOf(o)));
            return a;
        }
        return F.nullNode();
    }

    private static String secret(SecretText s, boolean reveal) {
        return reveal ? text(s) : MASK;
    }

    private static String text(SecretText s) {
        char[] chars = s.chars();
        try {
            return new String(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /**
     * One field's raw value for {@code item get --field NAME}: a type field (password, username,
     * urls one per line, port, vars as NAME=VALUE lines...), else a custom field, else an
     * environment variable, else name, folder, notes, tags, expires.
     */
    static String field(ItemContent c, String name) {
        Object v = c.data().fieldValues().get(name);
        if (v != null) {
            if (v instanceof SecretText s) {
                return text(s);
            }
            if (c.data() instanceof EnvironmentSet env && name.equals("vars")) {
                char[] chars = env.format();
                try {
                    return new String(chars);
                } finally {
                    Arrays.fill(chars, '\0');
                }
            }
            if (v instanceof List<?> list) {
                return String.join("\n", list.stream().map(String::valueOf).toList());
            }
            return String.valueOf(v);
        }
        CustomField custom = c.field(name);
        if (custom != null) {
            return text(custom.value());
        }
        if (c.data() instanceof EnvironmentSet env && env.get(name) != null) {
            return text(env.get(name).value());
        }
        switch (name) {
            case "name":
                return c.name();
            case "folder":
                return orMissing(c.folder(), name);
            case "notes":
                return orMissing(c.notes(), name);
            case "tags":
                return String.join("\n", c.tags());
            case "expires":
                return orMissing(c.expires() == null ? null : c.expires().toString(), name);
            default:
                throw new CliException(ExitCode.NOT_FOUND, "the item has no field '" + name + "'");
        }
    }

    private static String orMissing(String value, String name) {
        if (value == null) {
            throw new CliException(ExitCode.NOT_FOUND, "the item has no " + name);
        }
        return value;
    }

    /** The item's serialised form (its full plaintext) as text, for the CLI to edit. */
    static String content(ItemContent c) {
        byte[] bytes = c.toBytes();
        try {
            return new String(bytes, StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
