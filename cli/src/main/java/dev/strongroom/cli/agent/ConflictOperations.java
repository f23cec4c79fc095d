package dev.strongroom.cli.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.item.FieldChange;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.ItemDiff;
import dev.strongroom.client.vault.ItemConflict;
import dev.strongroom.client.vault.VaultInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code conflicts.list} and {@code conflicts.resolve}: local edits the server refused because the
 * item changed meanwhile. Both versions are kept until the user keeps one.
 */
final class ConflictOperations {

    private ConflictOperations() {}

    static Map<String, AgentOperation> all() {
        return Map.of(
                "conflicts.list",
                        VaultOperation.of(Set.of(), Set.of(), Set.of(), ConflictOperations::list),
                "conflicts.resolve",
                        VaultOperation.of(
                                Set.of("conflict", "keep"),
                                Set.of(),
                                Set.of(),
                                ConflictOperations::resolve));
    }

    private static ObjectNode list(VaultSession session, AgentRequest request) {
        Map<String, String> vaultNames = new HashMap<>();
        for (VaultInfo v : session.vaults().listVaults()) {
            vaultNames.put(v.vaultId(), v.name());
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ArrayNode out = data.putArray("conflicts");
        List<ItemConflict> conflicts = session.vaults().conflicts();
        try {
            for (ItemConflict c : conflicts) {
                ObjectNode n = out.addObject();
                n.put("id", c.conflictId());
                n.put("vaultId", c.vaultId());
                n.put("vault", vaultNames.get(c.vaultId()));
                n.put("itemId", c.itemId());
                n.put("serverRevision", c.serverRevision());
                n.set("mine", side(c.mine()));
                n.set("theirs", side(c.theirs()));
                ArrayNode differ = n.putArray("differs");
                if (c.mine() != null && c.theirs() != null) {
                    for (FieldChange f : ItemDiff.between(c.theirs(), c.mine())) {
                        differ.add(f.field().toString());
                    }
                }
            }
        } finally {
            for (ItemConflict c : conflicts) {
                close(c.mine());
                close(c.theirs());
            }
        }
        return data;
    }

    private static ObjectNode side(ItemContent c) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("deleted", c == null);
        n.put("name", c == null ? null : c.name());
        n.put("modified", c == null ? null : c.modified().toString());
        return n;
    }

    private static void close(ItemContent c) {
        if (c != null) {
            c.close();
        }
    }

    private static ObjectNode resolve(VaultSession session, AgentRequest request) {
        String keep = request.arg("keep").orElseThrow();
        if (!keep.equals("mine") && !keep.equals("theirs")) {
            throw new CliException(ExitCode.USAGE, "--keep must be mine or theirs");
        }
        ItemConflict c = find(session, request.arg("conflict").orElseThrow());
        if (keep.equals("mine")) {
            session.vaults().keepMine(c.conflictId());
        } else {
            session.vaults().keepTheirs(c.conflictId());
        }
        session.afterWrite();
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("id", c.conflictId());
        data.put("itemId", c.itemId());
        data.put("kept", keep);
        return data;
    }

    /** A conflict by its number, or by the id or name of its item when that is unique. */
    private static ItemConflict find(VaultSession session, String ref) {
        List<ItemConflict> all = session.vaults().conflicts();
        try {
            List<ItemConflict> matches =
                    all.stream()
                            .filter(
                                    c ->
                                            String.valueOf(c.conflictId()).equals(ref)
                                                    || c.itemId().equals(ref)
                                                    || named(c.mine(), ref)
                                                    || named(c.theirs(), ref))
                            .toList();
            if (matches.isEmpty()) {
                throw new CliException(
                        ExitCode.NOT_FOUND,
                        "no conflict '" + ref + "' (see strongroom conflicts list)");
            }
            if (matches.size() > 1) {
                throw new CliException(
                        ExitCode.ERROR,
                        "'" + ref + "' matches several conflicts: use the conflict id");
            }
            ItemConflict c = matches.get(0);
            return new ItemConflict(
                    c.conflictId(), c.vaultId(), c.itemId(), c.serverRevision(), null, null);
        } finally {
            for (ItemConflict c : all) {
                close(c.mine());
                close(c.theirs());
            }
        }
    }

    private static boolean named(ItemContent c, String ref) {
        return c != null && c.name().equals(ref);
    }
}
