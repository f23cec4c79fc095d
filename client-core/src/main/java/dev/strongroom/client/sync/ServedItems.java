package dev.strongroom.client.sync;

import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.model.wire.ItemResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Verifies one vault's served revisions page by page as they arrive, so that a large pull checks
 * signatures while the next page is still being fetched. A page of distinct items whose vault keys
 * are open is verified in parallel (the Ed25519 checks dominate); an item served twice (it changed
 * while the pages were read) is verified in order against its previous version; an item whose key
 * version is not open yet (its wrap comes on a later page) waits, with every later revision of it,
 * until {@link #finish()}.
 *
 * <p>A served revision whose revision hash equals the one this engine already holds for the item in
 * {@code known} (revisions it verified itself earlier in this session, or wrote and signed itself;
 * never hashes read back from disk) is byte for byte what was verified then: it is not verified
 * again and, being already in the cache, not written again ({@link #unchanged()}).
 */
final class ServedItems {

    /** Below this many items, a page is verified on the calling thread. */
    static final int PARALLEL_FROM = 64;

    private final VaultVerifier verifier;
    private final Function<String, CachedItem> cached;
    private final Map<String, byte[]> known;
    private final Map<Integer, VaultKey> keys;
    private final Map<String, CachedItem> own;
    private final Map<String, byte[]> ownHashes;
    private final Map<String, CachedItem> changed = new TreeMap<>();
    private final Map<String, byte[]> changedHashes = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final List<ItemResponse> waiting = new ArrayList<>();
    private final Set<String> waitingIds = new HashSet<>();
    private int unchanged;
    private int foreign;

    /**
     * @param cached the cache's latest revision of an item (or null)
     * @param known revision hashes this engine verified or signed itself, by item id
     * @param keys the verified vault keys by version; new wraps may be added between pages
     */
    ServedItems(
            VaultVerifier verifier,
            Function<String, CachedItem> cached,
            Map<String, byte[]> known,
            Map<Integer, VaultKey> keys) {
        this(verifier, cached, known, keys, Map.of(), Map.of());
    }

    /**
     * @param own revisions this engine signed itself and is about to apply, by item id
     * @param ownHashes their revision hashes
     */
    ServedItems(
            VaultVerifier verifier,
            Function<String, CachedItem> cached,
            Map<String, byte[]> known,
            Map<Integer, VaultKey> keys,
            Map<String, CachedItem> own,
            Map<String, byte[]> ownHashes) {
        this.verifier = verifier;
        this.cached = cached;
        this.known = known;
        this.keys = keys;
        this.own = own;
        this.ownHashes = ownHashes;
    }

    /** Verifies what it can of one page now (throws on the first failure). */
    void add(List<ItemResponse> page) {
        boolean parallel = page.size() >= PARALLEL_FROM && waiting.isEmpty();
        Set<String> ids = new HashSet<>();
        for (ItemResponse r : page) {
            String id = String.valueOf(r.itemId());
            parallel &= ids.add(id) && !seen.contains(id) && keyOpen(r);
        }
        if (parallel) {
            List<Checked> verified =
                    page.parallelStream()
                            .map(r -> checked(r, cached.apply(String.valueOf(r.itemId()))))
                            .toList();
            for (int i = 0; i < page.size(); i++) {
                record(String.valueOf(page.get(i).itemId()), verified.get(i));
            }
            return;
        }
        for (ItemResponse r : page) {
            String id = String.valueOf(r.itemId());
            if (waitingIds.contains(id) || !keyOpen(r)) {
                waiting.add(r);
                waitingIds.add(id);
            } else {
                record(id, checked(r, base(id)));
            }
        }
    }

    /** Verifies the revisions that waited for a key, in order; returns every changed item. */
    Map<String, CachedItem> finish() {
        for (ItemResponse r : waiting) {
            String id = String.valueOf(r.itemId());
            record(id, checked(r, base(id)));
        }
        waiting.clear();
        return changed;
    }

    /** Served revisions identical to what this engine already verified: not written again. */
    int unchanged() {
        return unchanged;
    }

    private boolean keyOpen(ItemResponse r) {
        return r.deleted() || keys.containsKey(r.keyVersion());
    }

    private CachedItem base(String id) {
        return changed.containsKey(id) ? changed.get(id) : cached.apply(id);
    }

    /**
     * Null for a revision identical to the known one (already cached), this engine's own revision
     * if the served one is identical to it, else the verified served one.
     */
    private CachedItem check(ItemResponse r, CachedItem base) {
        String id = String.valueOf(r.itemId());
        byte[] mine = ownHashes.get(id);
        if (mine != null
                && verifier.servedHere(r)
                && r.signature() != null
                && ConstantTime.equals(mine, servedHash(r))) {
            return own.get(id);
        }
        byte[] hash = known.get(id);
        if (hash != null
                && base != null
                && verifier.servedHere(r)
                && base.revisionNumber() == r.revision()
                && r.signature() != null
                && ConstantTime.equals(hash, servedHash(r))
                && ConstantTime.equals(hash, base.revision().revisionHash(base.signature()))) {
            return null;
        }
        foreign++;
        return verifier.item(r, base, keys);
    }

    /** How many served revisions were neither this engine's own nor already verified. */
    int foreign() {
        return foreign;
    }

    /** The revision hashes of {@link #finish()}'s items (computed where they were verified). */
    Map<String, byte[]> changedHashes() {
        return changedHashes;
    }

    /** A checked revision and its revision hash (null for an unchanged one). */
    private record Checked(CachedItem item, byte[] hash) {}

    private Checked checked(ItemResponse r, CachedItem base) {
        CachedItem item = check(r, base);
        return new Checked(
                item, item == null ? null : item.revision().revisionHash(item.signature()));
    }

    private void record(String id, Checked checked) {
        seen.add(id);
        if (checked.item() == null) {
            unchanged++;
        } else {
            changed.put(id, checked.item());
            changedHashes.put(id, checked.hash());
        }
    }

    /** The revision hash of a served revision, exactly as {@link VaultVerifier#item} builds it. */
    private byte[] servedHash(ItemResponse r) {
        return verifier.describe(r).revisionHash(r.signature());
    }
}
