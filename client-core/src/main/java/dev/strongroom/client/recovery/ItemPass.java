package dev.strongroom.client.recovery;

import dev.strongroom.client.item.ItemContent;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.model.vault.ItemRevision;
import dev.strongroom.model.wire.ItemResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-item work of opening a vault by recovery, each item's latest revision once: its
 * signature, and for a live item its item key and content; tombstones are verified too, and when a
 * head is to be checked every item's revision hash is kept. The items are independent, so a large
 * vault is done on every core in small chunks (the Ed25519 checks dominate; see {@link Chunks}).
 */
final class ItemPass {

    /** From this many items on, they are done in parallel. */
    static final int PARALLEL_FROM = 64;

    /** The live items' contents by id (the caller closes them) and, if asked, the hashes. */
    record Result(Map<String, ItemContent> contents, Map<String, byte[]> hashes) {}

    /** One item's outcome: kept per item so the others done in parallel can still be wiped. */
    private record Outcome(String id, ItemContent content, byte[] hash, RuntimeException error) {}

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
        List<ItemResponse> latest = latest(items);
        Outcome[] done = new Outcome[latest.size()];
        Chunks.run(
                latest.size(),
                latest.size() >= PARALLEL_FROM,
                k -> done[k] = one(log, vaultId, keys, latest.get(k), withHashes));
        Map<String, ItemContent> contents = new HashMap<>();
        Map<String, byte[]> hashes = new HashMap<>();
        RuntimeException error = null;
        for (Outcome o : done) {
            if (o == null) {
                continue; // a worker stopped by an unexpected error, reported below
            }
            if (o.error() != null && error == null) {
                error = o.error();
            }
            if (o.content() != null) {
                contents.put(o.id(), o.content());
            }
            if (o.hash() != null) {
                hashes.put(o.id(), o.hash());
            }
        }
        if (error != null) {
            contents.values().forEach(ItemContent::close);
            throw error;
        }
        return new Result(contents, hashes);
    }

    private static Outcome one(
            RecoveryLog log,
            String vaultId,
            Map<Integer, VaultKey> keys,
            ItemResponse r,
            boolean withHashes) {
        String id = String.valueOf(r.itemId());
        try {
            ItemRevision revision = RecoveredItem.verified(log, vaultId, r);
            byte[] hash = withHashes ? revision.revisionHash(r.signature()) : null;
            ItemContent content =
                    r.deleted() ? null : RecoveredItem.open(keys.get(r.keyVersion()), revision, r);
            return new Outcome(id, content, hash, null);
        } catch (RuntimeException e) {
            return new Outcome(id, null, null, e);
        }
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
