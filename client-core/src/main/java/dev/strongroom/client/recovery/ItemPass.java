package dev.strongroom.client.recovery;

import dev.strongroom.client.item.ItemContent;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.model.vault.ItemRevision;
import dev.strongroom.model.wire.ItemResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-item work of opening a vault by recovery, each item's latest revision once, in two passes
 * that need nothing from each other but the checked revisions: the check (its author's signature
 * and, when a head is to be checked, its revision hash; tombstones too), which needs no key and so
 * can run ahead of the release (see {@link PrefetchedVault}), and the opening of every live item
 * with its vault key. The items are independent, so a large vault is done on every core in small
 * chunks (the Ed25519 checks dominate; see {@link Chunks}).
 */
final class ItemPass {

    /** From this many items on, they are done in parallel. */
    static final int PARALLEL_FROM = 64;

    /** One item's latest revision as served, its signature checked, and its hash if asked. */
    record Checked(ItemResponse response, ItemRevision revision, byte[] hash) {}

    /** The live items' contents by id (the caller closes them) and, if asked, the hashes. */
    record Result(Map<String, ItemContent> contents, Map<String, byte[]> hashes) {}

    private ItemPass() {}

    /**
     * @param keys the opened vault keys by version (every version a live item uses)
     * @param withHashes whether to compute every item's revision hash (for a head check)
     * @throws RecoveryException on the first item that does not verify or open
     */
    static Result run(
            RecoveryLog log,
            String vaultId,
            Map<Integer, VaultKey> keys,
            List<ItemResponse> items,
            boolean withHashes) {
        Map<String, Checked> checked = check(log, vaultId, items, withHashes);
        return new Result(open(keys, checked), hashes(checked));
    }

    /**
     * Checks the latest revision of every item: it belongs to the vault, its author is a member the
     * log knows and the signature verifies. Needs no key.
     *
     * @return the checked revisions by item id, in the order first served
     * @throws RecoveryException on the first item that does not verify
     */
    static Map<String, Checked> check(
            RecoveryLog log, String vaultId, List<ItemResponse> items, boolean withHashes) {
        List<ItemResponse> latest = latest(items);
        Checked[] done = new Checked[latest.size()];
        Chunks.run(
                latest.size(),
                latest.size() >= PARALLEL_FROM,
                k -> {
                    ItemResponse r = latest.get(k);
                    ItemRevision revision = RecoveredItem.verified(log, vaultId, r);
                    byte[] hash = withHashes ? revision.revisionHash(r.signature()) : null;
                    done[k] = new Checked(r, revision, hash);
                });
        Map<String, Checked> out = new LinkedHashMap<>();
        for (Checked c : done) {
            out.put(String.valueOf(c.response().itemId()), c);
        }
        return out;
    }

    /**
     * Opens every live checked item with the vault key of its version.
     *
     * @return the contents by item id (the caller closes them)
     * @throws RecoveryException on the first item that does not open (none is left unwiped)
     */
    static Map<String, ItemContent> open(Map<Integer, VaultKey> keys, Map<String, Checked> items) {
        List<Checked> live = new ArrayList<>();
        items.values().stream().filter(c -> !c.response().deleted()).forEach(live::add);
        ItemContent[] opened = new ItemContent[live.size()];
        RuntimeException[] errors = new RuntimeException[live.size()];
        Chunks.run(
                live.size(),
                live.size() >= PARALLEL_FROM,
                k -> {
                    Checked c = live.get(k);
                    try {
                        opened[k] =
                                RecoveredItem.open(
                                        keys.get(c.response().keyVersion()),
                                        c.revision(),
                                        c.response());
                    } catch (RuntimeException e) {
                        errors[k] = e; // kept, so the others opened in parallel are still wiped
                    }
                });
        Map<String, ItemContent> contents = new HashMap<>();
        RuntimeException error = null;
        for (int k = 0; k < opened.length; k++) {
            if (opened[k] != null) {
                contents.put(String.valueOf(live.get(k).response().itemId()), opened[k]);
            }
            if (errors[k] != null && error == null) {
                error = errors[k];
            }
        }
        if (error != null) {
            contents.values().forEach(ItemContent::close);
            throw error;
        }
        return contents;
    }

    /** The checked items' revision hashes by id (those computed). */
    static Map<String, byte[]> hashes(Map<String, Checked> items) {
        Map<String, byte[]> out = new HashMap<>();
        items.forEach(
                (id, c) -> {
                    if (c.hash() != null) {
                        out.put(id, c.hash());
                    }
                });
        return out;
    }

    /**
     * The latest revision of each item (the pages of a vault that changed while they were read can
     * serve an item twice), in the order first served.
     */
    static List<ItemResponse> latest(List<ItemResponse> items) {
        Map<String, ItemResponse> out = new LinkedHashMap<>();
        for (ItemResponse r : items) {
            out.merge(
                    String.valueOf(r.itemId()), r, (a, b) -> b.revision() >= a.revision() ? b : a);
        }
        return List.copyOf(out.values());
    }
}
