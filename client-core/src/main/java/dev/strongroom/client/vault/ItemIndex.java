package dev.strongroom.client.vault;

import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.cache.CachedVault;
import dev.strongroom.client.cache.LocalCache;
import dev.strongroom.client.cache.PendingWrite;
import dev.strongroom.client.cache.VaultHeadPin;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.search.SearchDocument;
import dev.strongroom.client.search.SearchHit;
import dev.strongroom.client.search.SearchIndex;
import dev.strongroom.client.sync.ItemContents;
import dev.strongroom.client.sync.QueuedWrite;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.crypto.mac.Sha256;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The decrypted, non-secret metadata of every live item ({@link ItemSummary}) and the search index
 * over it, built once per unlocked session and kept up to date: before each use every vault's stamp
 * (sync cursor, pinned head, queued writes) is compared with the one the index was built at, and
 * only a vault whose stamp moved is re-read, decrypting only the revisions that changed. The first
 * build decrypts in parallel.
 *
 * <p>Only what {@link SearchDocument} holds (never a password, key or hidden field) stays in
 * memory; every decrypted content is wiped right after its summary is taken. {@link #close()} drops
 * everything (lock). Between sessions the index is kept sealed in an {@link IndexFile}, so an
 * unlock whose cache has not moved since needs neither to read nor to decrypt any item. Reads come
 * from the cache, whose rows the {@link SyncEngine} verified before writing them, and each content
 * is opened with the verified vault key (AEAD), exactly as {@link VaultService#list} does.
 * Thread-safe (methods synchronise on the index).
 */
final class ItemIndex implements AutoCloseable {

    /** Below this many revisions to open, decryption stays on the calling thread. */
    static final int PARALLEL_FROM = 64;

    private final SyncEngine engine;
    private final LocalCache cache;
    private final IndexFile file;
    private Map<String, VaultEntries> vaults = new HashMap<>();
    private SearchIndex search = SearchIndex.of(List.of());
    private boolean loaded;

    /**
     * A vault's state the entries were built at: its sync cursor, its pinned head (counter and a
     * hash of its signature) and its queued writes. Items change only when one of them moves.
     */
    record Stamp(long cursor, String head, List<Long> writeIds) {
        static Stamp of(long cursor, Optional<VaultHeadPin> pin, List<Long> writeIds) {
            String head =
                    pin.map(
                                    p ->
                                            p.head().counter()
                                                    + ":"
                                                    + HexFormat.of()
                                                            .formatHex(Sha256.hash(p.signature())))
                            .orElse("");
            return new Stamp(cursor, head, List.copyOf(writeIds));
        }
    }

    /** One revision as indexed: a tombstone has no summary. */
    record Row(long revision, boolean pending, byte[] signature, ItemSummary summary) {
        boolean sameAs(CachedItem i, boolean isPending) {
            return revision == i.revisionNumber()
                    && pending == isPending
                    && Arrays.equals(signature, i.signature());
        }
    }

    static final class VaultEntries {
        Stamp stamp;
        Map<String, Row> rows = new HashMap<>();
    }

    ItemIndex(SyncEngine engine) {
        this.engine = engine;
        this.cache = engine.cache();
        this.file = new IndexFile(cache.file(), engine.session());
    }

    /** Live items of a vault (pending local edits included), by item id. */
    synchronized List<ItemSummary> list(String vaultId) {
        refresh();
        VaultEntries e = vaults.get(vaultId);
        if (e == null) {
            return List.of();
        }
        List<ItemSummary> out = new ArrayList<>();
        e.rows.values().stream()
                .map(Row::summary)
                .filter(s -> s != null)
                .sorted(Comparator.comparing(ItemSummary::itemId))
                .forEach(out::add);
        return out;
    }

    synchronized List<SearchHit> search(String query, int limit) {
        refresh();
        return search.search(query, limit);
    }

    /**
     * Brings every vault's entries up to the cache's current state, starting (once per session)
     * from the sealed index file when it opens; saves the file again when anything changed.
     */
    private void refresh() {
        if (!loaded) {
            loaded = true;
            load();
        }
        boolean changed = false;
        List<PendingWrite> outbox = cache.outbox();
        Set<String> present = new HashSet<>();
        for (CachedVault v : cache.vaults()) {
            present.add(v.vaultId());
            List<PendingWrite> mine =
                    outbox.stream().filter(w -> w.vaultId().equals(v.vaultId())).toList();
            Stamp stamp =
                    Stamp.of(
                            cache.cursor(v.vaultId()),
                            cache.vaultHead(v.vaultId()),
                            mine.stream().map(PendingWrite::id).toList());
            VaultEntries e = vaults.computeIfAbsent(v.vaultId(), id -> new VaultEntries());
            if (!stamp.equals(e.stamp)) {
                rebuild(v.vaultId(), e, mine);
                e.stamp = stamp;
                changed = true;
            }
        }
        for (String gone : new ArrayList<>(vaults.keySet())) {
            if (!present.contains(gone)) {
                vaults.remove(gone).rows.keySet().forEach(item -> search.remove(gone + "/" + item));
                changed = true;
            }
        }
        if (changed) {
            file.write(IndexCodec.write(vaults));
        }
    }

    /** Starts from the sealed index file, if there is one that opens and parses. */
    private void load() {
        Optional<byte[]> plain = file.read();
        if (plain.isEmpty()) {
            return;
        }
        try {
            vaults = IndexCodec.read(plain.get());
        } catch (IOException | RuntimeException e) {
            vaults = new HashMap<>();
            return; // rebuilt from the cache and written again
        } finally {
            Bytes.wipe(plain.get());
        }
        List<SearchDocument> docs = new ArrayList<>();
        for (VaultEntries e : vaults.values()) {
            for (Row r : e.rows.values()) {
                if (r.summary() != null) {
                    docs.add(r.summary().document());
                }
            }
        }
        search = SearchIndex.of(docs);
    }

    /** Re-reads one vault, decrypting only the revisions not already indexed. */
    private void rebuild(String vaultId, VaultEntries e, List<PendingWrite> pending) {
        Map<String, CachedItem> latest = new LinkedHashMap<>();
        Set<String> pendingIds = new HashSet<>();
        for (CachedItem i : cache.items(vaultId)) {
            latest.put(i.itemId(), i);
        }
        for (PendingWrite w : pending) { // oldest first: the last queued edit wins
            latest.put(w.itemId(), QueuedWrite.fromBytes(w.payload()).cachedItem());
            pendingIds.add(w.itemId());
        }
        Map<String, Row> rows = new HashMap<>();
        List<CachedItem> toOpen = new ArrayList<>();
        latest.forEach(
                (itemId, i) -> {
                    Row old = e.rows.get(itemId);
                    if (old != null && old.sameAs(i, pendingIds.contains(itemId))) {
                        rows.put(itemId, old);
                    } else {
                        toOpen.add(i);
                    }
                });
        Map<Integer, VaultKey> keys = new HashMap<>();
        for (CachedItem i : toOpen) {
            if (!i.deleted()) {
                int v = i.revision().keyVersion();
                keys.computeIfAbsent(v, version -> engine.vaultKey(vaultId, version));
            }
        }
        List<Row> opened =
                (toOpen.size() >= PARALLEL_FROM ? toOpen.parallelStream() : toOpen.stream())
                        .map(i -> row(i, pendingIds.contains(i.itemId()), keys))
                        .toList();
        for (int k = 0; k < toOpen.size(); k++) {
            rows.put(toOpen.get(k).itemId(), opened.get(k));
        }
        for (String itemId : e.rows.keySet()) {
            if (!rows.containsKey(itemId)) {
                search.remove(vaultId + "/" + itemId);
            }
        }
        for (int k = 0; k < toOpen.size(); k++) {
            String itemId = toOpen.get(k).itemId();
            ItemSummary s = opened.get(k).summary();
            if (s == null) {
                search.remove(vaultId + "/" + itemId);
            } else {
                search.put(s.document());
            }
        }
        e.rows = rows;
    }

    private static Row row(CachedItem i, boolean pending, Map<Integer, VaultKey> keys) {
        if (i.deleted()) {
            return new Row(i.revisionNumber(), pending, i.signature(), null);
        }
        byte[] plain = null;
        try {
            // A rotation's re-wrap keeps the content sealed at an earlier revision.
            plain = ItemContents.open(keys.get(i.revision().keyVersion()), i);
            try (ItemContent c = ItemContent.fromBytes(plain)) {
                SearchDocument doc = SearchDocument.of(i.vaultId() + "/" + i.itemId(), c);
                return new Row(
                        i.revisionNumber(),
                        pending,
                        i.signature(),
                        new ItemSummary(
                                i.vaultId(),
                                i.itemId(),
                                i.revisionNumber(),
                                pending,
                                i.revision().authorId(),
                                doc,
                                c.modified()));
            }
        } finally {
            Bytes.wipe(plain);
        }
    }

    /**
     * Drops the summaries and the search index from memory but keeps the sealed file open: the next
     * use reloads from it (decrypting only what changed since). For a front end that keeps its own
     * copy of the metadata.
     */
    synchronized void release() {
        vaults = new HashMap<>();
        search = SearchIndex.of(List.of());
        loaded = false;
    }

    /** Drops every summary and the search index (at lock). */
    @Override
    public synchronized void close() {
        vaults = new HashMap<>();
        search = SearchIndex.of(List.of());
        file.close();
    }
}
