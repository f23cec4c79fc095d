package dev.strongroom.cli.agent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.ItemType;
import dev.strongroom.client.item.Login;
import dev.strongroom.client.totp.Totp;
import dev.strongroom.client.totp.TotpKey;
import dev.strongroom.client.vault.ItemSummary;
import dev.strongroom.client.vault.ItemView;
import dev.strongroom.client.vault.VaultInfo;
import dev.strongroom.client.vault.VaultService;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The agent's item commands: add, edit, get, list, rm, move and totp. The CLI builds item content
 * itself and sends it as the secret {@code content} (the item's serialised JSON form); the agent
 * seals, signs, queues and pushes it.
 */
final class ItemOperations {

    private ItemOperations() {}

    static Map<String, AgentOperation> all() {
        Set<String> none = Set.of();
        Set<String> content = Set.of("content");
        Set<String> where = Set.of("vault");
        return Map.of(
                "item.add", VaultOperation.of(none, where, content, ItemOperations::add),
                "item.edit",
                        VaultOperation.of(
                                Set.of("vault", "item", "baseRevision"),
                                none,
                                content,
                                ItemOperations::edit),
                "item.get",
                        VaultOperation.of(
                                Set.of("item"),
                                Set.of("vault", "reveal", "field", "content"),
                                none,
                                ItemOperations::get),
                "item.list",
                        VaultOperation.of(
                                none,
                                Set.of("vault", "folder", "tag", "type"),
                                none,
                                ItemOperations::list),
                "item.rm", VaultOperation.of(Set.of("item"), where, none, ItemOperations::rm),
                "item.move",
                        VaultOperation.of(Set.of("item", "to"), where, none, ItemOperations::move),
                "item.totp", VaultOperation.of(Set.of("item"), where, none, ItemOperations::totp));
    }

    /** Parses the serialised item the CLI sent, without making a String of it. */
    static ItemContent content(AgentRequest request) {
        char[] chars = request.secret("content");
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        Arrays.fill(buffer.array(), (byte) 0);
        try {
            return ItemContent.fromBytes(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static ObjectNode add(VaultSession session, AgentRequest request) {
        VaultService vaults = session.vaults();
        VaultInfo vault = ItemLookup.vaultOrDefault(vaults, request.arg("vault").orElse(null));
        String id;
        try (ItemContent c = content(request)) {
            id = vaults.add(vault.vaultId(), c);
        }
        session.afterWrite();
        return itemReply(vaults, vault, id);
    }

    private static ObjectNode edit(VaultSession session, AgentRequest request) {
        VaultService vaults = session.vaults();
        VaultInfo vault = ItemLookup.vault(vaults, request.arg("vault").orElseThrow());
        String id = request.arg("item").orElseThrow();
        long base = Long.parseLong(request.arg("baseRevision").orElseThrow());
        try (ItemView current =
                vaults.get(vault.vaultId(), id)
                        .filter(v -> !v.deleted())
                        .orElseThrow(() -> new CliException(ExitCode.NOT_FOUND, "no item " + id))) {
            if (current.revision() != base) {
                throw new CliException(
                        ExitCode.CONFLICT,
                        "conflict: the item changed while it was being edited (now revision "
                                + current.revision()
                                + "); run the command again");
            }
        }
        int conflictsBefore = session.cache().conflicts().size();
        try (ItemContent c = content(request)) {
            vaults.edit(vault.vaultId(), id, c);
        }
        session.afterWrite();
        checkNoNewConflict(session, conflictsBefore);
        return itemReply(vaults, vault, id);
    }

    /** A write that the server refused as stale became a conflict: say so with exit code 5. */
    static void checkNoNewConflict(VaultSession session, int before) {
        if (session.cache().conflicts().size() > before) {
            throw new CliException(
                    ExitCode.CONFLICT,
                    "conflict: the item was changed elsewhere meanwhile; both versions are kept"
                            + " (see strongroom conflicts list)");
        }
    }

    private static ObjectNode itemReply(VaultService vaults, VaultInfo vault, String id) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        try (ItemView v = vaults.get(vault.vaultId(), id).orElseThrow()) {
            data.set("item", ItemRender.summary(vault, v));
        }
        return data;
    }

    private static ObjectNode get(VaultSession session, AgentRequest request) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        try (ItemLookup.Found f =
                ItemLookup.item(
                        session.vaults(),
                        request.arg("item").orElseThrow(),
                        request.arg("vault").orElse(null))) {
            Optional<String> field = request.arg("field");
            if (field.isPresent()) {
                data.put("value", ItemRender.field(f.view().content(), field.get()));
                data.set("item", ItemRender.summary(f.vault(), f.view()));
            } else {
                data.set(
                        "item",
                        ItemRender.full(
                                f.vault(), f.view(), VaultOperation.flag(request, "reveal")));
            }
            if (VaultOperation.flag(request, "content")) {
                data.put("content", ItemRender.content(f.view().content()));
            }
        }
        return data;
    }

    private static ObjectNode list(VaultSession session, AgentRequest request) {
        VaultService vaults = session.vaults();
        String vaultRef = request.arg("vault").orElse(null);
        String folder = request.arg("folder").orElse(null);
        String tag = request.arg("tag").orElse(null);
        ItemType type = null;
        if (request.arg("type").isPresent()) {
            type = ItemType.fromWireName(request.arg("type").get());
            if (type == null) {
                throw new CliException(ExitCode.USAGE, "unknown item type");
            }
        }
        java.util.List<ObjectNode> found = new java.util.ArrayList<>();
        for (VaultInfo v :
                vaultRef == null
                        ? vaults.listVaults()
                        : java.util.List.of(ItemLookup.vault(vaults, vaultRef))) {
            for (ItemSummary item : vaults.summaries(v.vaultId())) {
                String f = item.folder();
                boolean inFolder =
                        folder == null
                                || (f != null && (f.equals(folder) || f.startsWith(folder + "/")));
                boolean tagged =
                        tag == null || item.tags().stream().anyMatch(t -> t.equalsIgnoreCase(tag));
                if (inFolder && tagged && (type == null || item.type() == type)) {
                    found.add(ItemRender.summary(v, item));
                }
            }
        }
        found.sort(
                java.util.Comparator.comparing((ObjectNode n) -> n.path("vault").asText())
                        .thenComparing(n -> n.path("name").asText())
                        .thenComparing(n -> n.path("id").asText()));
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.putArray("items").addAll(found);
        return data;
    }

    private static ObjectNode rm(VaultSession session, AgentRequest request) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        try (ItemLookup.Found f =
                ItemLookup.item(
                        session.vaults(),
                        request.arg("item").orElseThrow(),
                        request.arg("vault").orElse(null))) {
            data.set("item", ItemRender.summary(f.vault(), f.view()));
            int conflictsBefore = session.cache().conflicts().size();
            session.vaults().delete(f.vault().vaultId(), f.view().itemId());
            session.afterWrite();
            checkNoNewConflict(session, conflictsBefore);
        }
        return data;
    }

    private static ObjectNode move(VaultSession session, AgentRequest request) {
        VaultService vaults = session.vaults();
        VaultInfo target = ItemLookup.vault(vaults, request.arg("to").orElseThrow());
        try (ItemLookup.Found f =
                ItemLookup.item(
                        vaults,
                        request.arg("item").orElseThrow(),
                        request.arg("vault").orElse(null))) {
            if (f.vault().vaultId().equals(target.vaultId())) {
                throw new CliException(ExitCode.USAGE, "the item is already in that vault");
            }
            String moved = vaults.move(f.vault().vaultId(), f.view().itemId(), target.vaultId());
            session.afterWrite();
            ObjectNode data = itemReply(vaults, target, moved);
            data.put("from", f.vault().vaultId());
            data.put("previousId", f.view().itemId());
            return data;
        }
    }

    private static ObjectNode totp(VaultSession session, AgentRequest request) {
        try (ItemLookup.Found f =
                ItemLookup.item(
                        session.vaults(),
                        request.arg("item").orElseThrow(),
                        request.arg("vault").orElse(null))) {
            if (!(f.view().content().data() instanceof Login login) || login.totp() == null) {
                throw new CliException(ExitCode.NOT_FOUND, "the item has no TOTP secret");
            }
            try (TotpKey key = login.totpKey()) {
                Instant now = Instant.now();
                ObjectNode data = JsonNodeFactory.instance.objectNode();
                data.put("code", Totp.code(key, now));
                data.put("secondsRemaining", Totp.secondsRemaining(key, now));
                return data;
            }
        }
    }
}
