package dev.strongroom.cli.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.item.FieldChange;
import dev.strongroom.client.item.FieldRef;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.ItemDiff;
import dev.strongroom.client.vault.ItemView;
import dev.strongroom.client.vault.VaultService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code item.history} (every revision, with the names of the fields each one changed, never their
 * values) and {@code item.restore} (a whole old revision, or one field of it, as a new revision).
 */
final class ItemHistoryOperations {

    private ItemHistoryOperations() {}

    static Map<String, AgentOperation> all() {
        return Map.of(
                "item.history",
                        VaultOperation.of(
                                Set.of("item"),
                                Set.of("vault"),
                                Set.of(),
                                ItemHistoryOperations::history),
                "item.restore",
                        VaultOperation.of(
                                Set.of("item", "revision"),
                                Set.of("vault", "field"),
                                Set.of(),
                                ItemHistoryOperations::restore));
    }

    private static ObjectNode history(VaultSession session, AgentRequest request) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        try (ItemLookup.Found f =
                ItemLookup.item(
                        session.vaults(),
                        request.arg("item").orElseThrow(),
                        request.arg("vault").orElse(null))) {
            data.set("item", ItemRender.summary(f.vault(), f.view()));
            List<ItemView> revisions =
                    session.vaults().history(f.vault().vaultId(), f.view().itemId());
            ArrayNode out = data.putArray("revisions");
            ItemContent previous = null;
            for (ItemView v : revisions) {
                ObjectNode r = out.addObject();
                r.put("revision", v.revision());
                r.put("deleted", v.deleted());
                r.put("authorId", v.authorId());
                ArrayNode changes = r.putArray("changes");
                if (v.content() != null) {
                    r.put("name", v.content().name());
                    r.put("modified", v.content().modified().toString());
                    if (previous != null) {
                        for (FieldChange c : ItemDiff.between(previous, v.content())) {
                            changes.add(c.field().toString());
                        }
                    }
                    previous = v.content();
                }
            }
            revisions.forEach(ItemView::close);
        }
        return data;
    }

    private static ObjectNode restore(VaultSession session, AgentRequest request) {
        VaultService vaults = session.vaults();
        long revision;
        try {
            revision = Long.parseLong(request.arg("revision").orElseThrow());
        } catch (NumberFormatException e) {
            throw new CliException(ExitCode.USAGE, "--revision must be a revision number");
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        try (ItemLookup.Found f =
                ItemLookup.item(
                        vaults,
                        request.arg("item").orElseThrow(),
                        request.arg("vault").orElse(null))) {
            String vaultId = f.vault().vaultId();
            String itemId = f.view().itemId();
            List<ItemView> revisions = vaults.history(vaultId, itemId);
            try {
                ItemView old =
                        revisions.stream()
                                .filter(v -> v.revision() == revision && !v.deleted())
                                .findFirst()
                                .orElseThrow(
                                        () ->
                                                new CliException(
                                                        ExitCode.NOT_FOUND,
                                                        "the item has no revision "
                                                                + revision
                                                                + " (see strongroom item history)"));
                int conflictsBefore = session.cache().conflicts().size();
                String field = request.arg("field").orElse(null);
                if (field == null) {
                    vaults.restore(vaultId, itemId, revision);
                } else {
                    try (ItemContent restored =
                            ItemDiff.restore(
                                    f.view().content(),
                                    old.content(),
                                    fieldRef(field),
                                    Instant.now())) {
                        vaults.edit(vaultId, itemId, restored);
                    }
                }
                session.afterWrite();
                ItemOperations.checkNoNewConflict(session, conflictsBefore);
            } finally {
                revisions.forEach(ItemView::close);
            }
            try (ItemView now = vaults.get(vaultId, itemId).orElseThrow()) {
                data.set("item", ItemRender.summary(f.vault(), now));
            }
            data.put("restoredFrom", revision);
        }
        return data;
    }

    /** {@code name}, {@code data.password}, {@code field:PIN}, {@code env:NAME}. */
    static FieldRef fieldRef(String text) {
        if (text.startsWith("data.")) {
            return FieldRef.data(text.substring(5));
        }
        if (text.startsWith("field:")) {
            return FieldRef.custom(text.substring(6));
        }
        if (text.startsWith("env:")) {
            return FieldRef.env(text.substring(4));
        }
        return FieldRef.item(text);
    }
}
