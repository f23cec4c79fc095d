package dev.strongroom.desktop.items;

import dev.strongroom.client.exposure.ExposureFinding;
import dev.strongroom.client.item.ApiKey;
import dev.strongroom.client.item.DatabaseCredential;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.Login;
import dev.strongroom.client.rotation.RotationFinding;
import dev.strongroom.client.rotation.RotationReport;
import dev.strongroom.client.rotation.RotationSubject;
import dev.strongroom.client.search.SearchDocument;
import dev.strongroom.client.vault.ItemView;
import dev.strongroom.client.vault.VaultInfo;
import dev.strongroom.client.vault.VaultService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of every live item's metadata: summaries for the list, the search over
 * names, usernames, URLs, tags, folders and field names ({@link InstantSearch}: client-core's
 * matching and ranking, made cheap per keystroke), and the items whose rotation or expiry is due.
 * Built on the worker by decrypting each item once and wiping it; after an edit, {@link #with}
 * re-reads one item instead of everything. Safe to read from any thread.
 */
public final class ItemCatalog {

    /** Days ahead that count as "rotation due" in the sidebar. */
    static final int ROTATION_WINDOW_DAYS = 14;

    private final List<VaultInfo> vaults;
    private final Map<String, Entry> entries;
    private final List<ItemSummary> sorted;
    private final InstantSearch search;
    private final Set<String> rotationDue;

    /** Items with an open finding in client-core's exposure report (refs). */
    private final Set<String> exposed;

    /** False for a first paint from the search index: no rotation or exposure marks yet. */
    private final boolean complete;

    private record Entry(ItemSummary summary, SearchDocument document, RotationSubject rotation) {}

    private ItemCatalog(
            List<VaultInfo> vaults, Map<String, Entry> entries, Set<String> exposed, Clock clock) {
        this(vaults, entries, exposed, clock, true);
    }

    private ItemCatalog(
            List<VaultInfo> vaults,
            Map<String, Entry> entries,
            Set<String> exposed,
            Clock clock,
            boolean complete) {
        this.complete = complete;
        this.exposed = Set.copyOf(exposed);
        this.vaults = List.copyOf(vaults);
        this.entries = entries;
        List<ItemSummary> list = new ArrayList<>();
        List<SearchDocument> docs = new ArrayList<>();
        List<RotationSubject> subjects = new ArrayList<>();
        for (Entry e : entries.values()) {
            list.add(e.summary());
            docs.add(e.document());
            if (e.rotation() != null) {
                subjects.add(e.rotation());
            }
        }
        this.search = new InstantSearch(list, docs);
        list.sort(BY_NAME);
        this.sorted = List.copyOf(list);
        Set<String> due = new HashSet<>();
        for (RotationFinding f : RotationReport.build(subjects, clock, ROTATION_WINDOW_DAYS)) {
            due.add(f.subject().ref());
        }
        this.rotationDue = Set.copyOf(due);
    }

    static final Comparator<ItemSummary> BY_NAME =
            Comparator.comparing((ItemSummary s) -> s.name().toLowerCase(java.util.Locale.ROOT))
                    .thenComparing((ItemSummary s) -> s.ref());

    /**
     * The list and its search from client-core's item index (kept sealed between sessions, so an
     * unlock whose cache has not moved decrypts nothing): what the first paint needs. Rotation and
     * exposure marks, and an API key's id under its name, need the decrypted items: {@link #load}
     * brings them right after. Worker thread.
     */
    public static ItemCatalog fromIndex(VaultService vaults, Clock clock) {
        List<VaultInfo> infos = vaults.listVaults();
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (VaultInfo vault : infos) {
            for (dev.strongroom.client.vault.ItemSummary s : vaults.summaries(vault.vaultId())) {
                ItemSummary summary =
                        new ItemSummary(
                                s.vaultId(),
                                s.itemId(),
                                vault.name(),
                                s.type(),
                                s.name(),
                                s.document().username(),
                                s.pending());
                entries.put(summary.ref(), new Entry(summary, s.document(), null));
            }
        }
        return new ItemCatalog(infos, entries, Set.of(), clock, false);
    }

    /** Whether rotation and exposure marks are known (false for {@link #fromIndex}). */
    public boolean complete() {
        return complete;
    }

    /** Decrypts every live item of every vault once (worker thread). */
    public static ItemCatalog load(VaultService vaults, Clock clock) {
        return load(vaults, List.of(), clock);
    }

    /**
     * As {@link #load(VaultService, Clock)}, marking the items of the open {@code findings} of the
     * exposure report (worker thread).
     */
    public static ItemCatalog load(
            VaultService vaults, List<ExposureFinding> findings, Clock clock) {
        Set<String> exposed = exposedRefs(findings);
        List<VaultInfo> infos = vaults.listVaults();
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (VaultInfo vault : infos) {
            // a chunk at a time: 10,000 decrypted items never sit in memory together
            vaults.forEachLive(
                    vault.vaultId(),
                    view -> {
                        Entry e = entry(vault, view);
                        entries.put(e.summary().ref(), e);
                    });
        }
        return new ItemCatalog(infos, entries, exposed, clock);
    }

    /**
     * A snapshot of already decrypted items (the caller keeps and closes the views); each view's
     * vault must be in {@code vaults}.
     */
    static ItemCatalog of(List<VaultInfo> vaults, List<ItemView> views, Clock clock) {
        Map<String, VaultInfo> byId = new java.util.HashMap<>();
        vaults.forEach(v -> byId.put(v.vaultId(), v));
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (ItemView view : views) {
            Entry e = entry(byId.get(view.vaultId()), view);
            entries.put(e.summary().ref(), e);
        }
        return new ItemCatalog(vaults, entries, Set.of(), clock);
    }

    /**
     * A snapshot with one item re-read from the cache (or dropped if deleted) and the exposure
     * marks taken from {@code findings} (an edit can close a finding). Worker thread.
     */
    public ItemCatalog with(
            VaultService vaults,
            List<ExposureFinding> findings,
            String vaultId,
            String itemId,
            Clock clock) {
        Map<String, Entry> next = new LinkedHashMap<>(entries);
        String ref = ItemSummary.ref(vaultId, itemId);
        next.remove(ref);
        VaultInfo vault =
                this.vaults.stream()
                        .filter(v -> v.vaultId().equals(vaultId))
                        .findFirst()
                        .orElse(null);
        if (vault != null) {
            vaults.get(vaultId, itemId)
                    .ifPresent(
                            view -> {
                                try {
                                    if (!view.deleted()) {
                                        next.put(ref, entry(vault, view));
                                    }
                                } finally {
                                    view.close();
                                }
                            });
        }
        return new ItemCatalog(this.vaults, next, exposedRefs(findings), clock);
    }

    private static Set<String> exposedRefs(List<ExposureFinding> findings) {
        Set<String> exposed = new HashSet<>();
        for (ExposureFinding f : findings) {
            if (f.open()) {
                exposed.add(ItemSummary.ref(f.vaultId(), f.itemId()));
            }
        }
        return exposed;
    }

    private static Entry entry(VaultInfo vault, ItemView view) {
        ItemContent c = view.content();
        String ref = ItemSummary.ref(view.vaultId(), view.itemId());
        ItemSummary summary =
                new ItemSummary(
                        view.vaultId(),
                        view.itemId(),
                        vault.name(),
                        c.type(),
                        c.name(),
                        username(c),
                        view.pending());
        return new Entry(summary, SearchDocument.of(ref, c), RotationSubject.of(ref, c));
    }

    /** The non-secret identifier shown under the name and copied by Ctrl+B. */
    public static String username(ItemContent c) {
        if (c.data() instanceof Login login) {
            return login.username();
        }
        if (c.data() instanceof DatabaseCredential db) {
            return db.user();
        }
        if (c.data() instanceof ApiKey key) {
            return key.keyId();
        }
        return null;
    }

    public List<VaultInfo> vaults() {
        return vaults;
    }

    /** Every item, sorted by name. */
    public List<ItemSummary> all() {
        return sorted;
    }

    public int size() {
        return sorted.size();
    }

    /** Whether someone who lost access could read the item's current secret. */
    public boolean exposed(ItemSummary s) {
        return exposed.contains(s.ref());
    }

    public boolean rotationDue(ItemSummary s) {
        return rotationDue.contains(s.ref());
    }

    /**
     * Items matching {@code query} (every term, ranked as client-core ranks a search); blank = all.
     */
    public List<ItemSummary> search(String query) {
        if (query == null || query.isBlank()) {
            return sorted;
        }
        return search.search(query);
    }

    public Collection<ItemSummary> summaries() {
        return sorted;
    }
}
