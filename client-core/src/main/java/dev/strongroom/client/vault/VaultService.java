package dev.strongroom.client.vault;

import dev.strongroom.client.api.ServerUnreachableException;
import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.cache.CachedVault;
import dev.strongroom.client.cache.Conflict;
import dev.strongroom.client.cache.LocalCache;
import dev.strongroom.client.cache.PendingWrite;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.rotation.RotationFinding;
import dev.strongroom.client.rotation.RotationReport;
import dev.strongroom.client.rotation.RotationSubject;
import dev.strongroom.client.search.SearchHit;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.sync.ItemContents;
import dev.strongroom.client.sync.QueuedWrite;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.client.sync.VaultNames;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.crypto.keys.VaultKeyWrap;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.identity.PublicBundleJson;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.LogEntryBody;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.TeamNames;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.wire.AppendLogRequest;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.KeyWrapUpload;
import dev.strongroom.model.wire.VaultSummary;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Vaults and items for one unlocked account: every write is sealed and signed here, queued in the
 * cache's outbox and pushed at once when the server is reachable (kept for {@link #sync()} when it
 * is not); every read decrypts from the cache, so reads work offline. Local edits not yet accepted
 * show as {@link ItemView#pending()}.
 *
 * <p>Listings and search run over an {@link ItemIndex} of every item's non-secret metadata, built
 * once (in parallel) and then kept up to date from the cache; {@link #close()} drops it at lock.
 */
public final class VaultService implements AutoCloseable {

    private final SyncEngine engine;
    private final LocalCache cache;
    private final UnlockedSession session;
    private final String me;
    private final ItemIndex index;

    /** From how many items a listing opens them in parallel. */
    private static final int PARALLEL_FROM = 64;

    public VaultService(SyncEngine engine) {
        this.engine = engine;
        this.cache = engine.cache();
        this.session = engine.session();
        this.me = session.accountId().toString();
        this.index = new ItemIndex(engine);
    }

    /** Pushes queued edits, then pulls and verifies everything. */
    public SyncEngine.PushReport sync() {
        engine.pull();
        SyncEngine.PushReport r = engine.push();
        engine.pull();
        return r;
    }

    // ---- teams and vaults ----

    /**
     * Creates a team of one (its signed genesis entry, the name sealed to the founder) and returns
     * its id.
     */
    public String createTeam(String name) {
        UUID teamId = UUID.randomUUID();
        LogEntryBody body =
                new LogEntryBody(
                        LogEntryBody.FORMAT,
                        teamId.toString(),
                        0,
                        Base64Url.encode(new byte[32]),
                        me,
                        System.currentTimeMillis(),
                        new LogAction.CreateTeam(
                                null,
                                PublicBundleJson.of(session.publicBundle()),
                                TeamNames.seal(
                                        teamId.toString(),
                                        1,
                                        me,
                                        session.identity().encryptionPublicKey(),
                                        session.identity(),
                                        name)));
        engine.api().createTeam(teamId, SignedLogEntry.sign(body, session.identity()));
        engine.pull();
        return teamId.toString();
    }

    /** The personal team and its first vault: what registration sets up. */
    public VaultInfo createPersonalVault(String vaultName) {
        return createVault(createTeam("personal"), vaultName);
    }

    /**
     * Creates a vault: a CreateVault entry naming the digest of the author's own wrap of key
     * version 1, the wrap and the encrypted name uploaded with it, then its first signed head.
     */
    public VaultInfo createVault(String teamId, String name) {
        engine.pull();
        TeamState state = engine.team(teamId).orElseThrow();
        String vaultId = UUID.randomUUID().toString();
        try (VaultKey key = VaultKey.generate(1)) {
            byte[] wrap =
                    VaultKeyWrap.seal(
                            key,
                            new VaultKeyWrap.Binding(
                                    teamId,
                                    vaultId,
                                    1,
                                    me,
                                    session.identity().encryptionPublicKey()),
                            session.identity());
            LogEntryBody body =
                    new LogEntryBody(
                            LogEntryBody.FORMAT,
                            teamId,
                            state.seq() + 1,
                            Base64Url.encode(state.headHash()),
                            me,
                            System.currentTimeMillis(),
                            new LogAction.CreateVault(
                                    vaultId, Base64Url.encode(Sha256.hash(wrap))));
            engine.api()
                    .append(
                            teamId,
                            new AppendLogRequest(
                                    SignedLogEntry.sign(body, session.identity()),
                                    VaultNames.seal(key, teamId, vaultId, 1, name),
                                    List.of(new KeyWrapUpload(1, me, wrap)),
                                    List.of()));
        }
        engine.pull();
        engine.sealEmptyVault(teamId, vaultId);
        dev.strongroom.client.recovery.RecoveryGrants.grantIfPolicy(engine, teamId, vaultId);
        return vault(vaultId);
    }

    public List<VaultInfo> listVaults() {
        List<VaultInfo> out = new ArrayList<>();
        for (CachedVault v : cache.vaults()) {
            out.add(vault(v.vaultId()));
        }
        out.sort(Comparator.comparing(VaultInfo::name));
        return out;
    }

    public VaultInfo vault(String vaultId) {
        CachedVault v = cachedVault(vaultId);
        TeamState team = engine.team(v.teamId()).orElseThrow();
        int version = team.vaults().get(vaultId).keyVersion();
        return new VaultInfo(
                vaultId,
                v.teamId(),
                openedName(v.teamId(), vaultId, v.metadata()).name(),
                version,
                team.permission(vaultId, me).map(Enum::name).orElse("NONE"));
    }

    private CachedVault cachedVault(String vaultId) {
        return cache.vaults().stream()
                .filter(c -> c.vaultId().equals(vaultId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such vault"));
    }

    /** Renames a vault (encrypted metadata, check-and-set on its revision). Online only. */
    public void rename(String vaultId, String name) {
        engine.pull();
        String teamId = engine.teamOf(vaultId);
        VaultSummary s = engine.api().vault(vaultId);
        long counter = openedName(teamId, vaultId, cachedVault(vaultId).metadata()).counter();
        engine.api()
                .putMetadata(
                        vaultId,
                        s.metadataRevision(),
                        VaultNames.seal(
                                engine.currentVaultKey(vaultId),
                                teamId,
                                vaultId,
                                counter + 1,
                                name));
        engine.pull();
    }

    /**
     * Deletes a vault for the whole team: a signed delete_vault entry (owners and admins only; the
     * id is retired for good), after which the server drops its ciphertext and every member's
     * client drops it from its cache at the next pull. Online only.
     */
    public void deleteVault(String vaultId) {
        engine.pull();
        String teamId = engine.teamOf(vaultId);
        TeamState state = engine.team(teamId).orElseThrow();
        LogEntryBody body =
                new LogEntryBody(
                        LogEntryBody.FORMAT,
                        teamId,
                        state.seq() + 1,
                        Base64Url.encode(state.headHash()),
                        me,
                        System.currentTimeMillis(),
                        new LogAction.DeleteVault(vaultId));
        engine.api()
                .append(
                        teamId,
                        new AppendLogRequest(
                                SignedLogEntry.sign(body, session.identity()),
                                null,
                                List.of(),
                                List.of()));
        engine.pull();
    }

    private VaultNames.Opened openedName(String teamId, String vaultId, byte[] metadata) {
        return VaultNames.open(metadata, teamId, vaultId, v -> engine.vaultKey(vaultId, v));
    }

    // ---- items ----

    /** Adds an item; returns its id. */
    public String add(String vaultId, ItemContent content) {
        String itemId = UUID.randomUUID().toString();
        write(vaultId, itemId, 0, content);
        return itemId;
    }

    /** Replaces an item's content with a new revision. */
    public void edit(String vaultId, String itemId, ItemContent content) {
        write(vaultId, itemId, latestRevision(vaultId, itemId), content);
    }

    /** Deletes an item: a signed tombstone revision (history stays). */
    public void delete(String vaultId, String itemId) {
        write(vaultId, itemId, latestRevision(vaultId, itemId), null);
    }

    /** Restores an old revision's content as a new revision. */
    public void restore(String vaultId, String itemId, long revision) {
        try (ItemView old =
                history(vaultId, itemId).stream()
                        .filter(v -> v.revision() == revision && !v.deleted())
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no such revision"))) {
            edit(vaultId, itemId, old.content());
        }
    }

    /**
     * Moves an item: re-keyed and re-sealed under the target vault as a new item, then a tombstone
     * in the source vault. Returns the new item id.
     */
    public String move(String vaultId, String itemId, String targetVaultId) {
        try (ItemView v = get(vaultId, itemId).orElseThrow()) {
            String moved = add(targetVaultId, v.content());
            delete(vaultId, itemId);
            return moved;
        }
    }

    private long latestRevision(String vaultId, String itemId) {
        long rev = cache.item(vaultId, itemId).map(CachedItem::revisionNumber).orElse(0L);
        for (PendingWrite w : cache.outbox()) {
            if (w.vaultId().equals(vaultId) && w.itemId().equals(itemId)) {
                rev = Math.max(rev, QueuedWrite.fromBytes(w.payload()).revision());
            }
        }
        if (rev == 0) {
            throw new IllegalArgumentException("no such item");
        }
        return rev;
    }

    private void write(String vaultId, String itemId, long base, ItemContent content) {
        String teamId = engine.teamOf(vaultId);
        if (!engine.canWrite(vaultId)) {
            // Refused here, before anything is queued: the server would refuse it too.
            throw new ReadOnlyVaultException();
        }
        byte[] plain = content == null ? null : content.toBytes();
        try {
            QueuedWrite q =
                    QueuedWrite.seal(
                            session.identity(),
                            me,
                            teamId,
                            engine.currentVaultKey(vaultId),
                            vaultId,
                            itemId,
                            base + 1,
                            plain,
                            engine.logSeq(teamId));
            cache.enqueue(vaultId, itemId, base, q.toBytes());
        } finally {
            Bytes.wipe(plain);
        }
        try {
            engine.push();
        } catch (ServerUnreachableException offline) {
            // stays in the outbox; sync() sends it later
        }
    }

    /** The latest version of an item (a local pending edit if there is one), decrypted. */
    public Optional<ItemView> get(String vaultId, String itemId) {
        QueuedWrite pending = null;
        for (PendingWrite w : cache.outbox()) {
            if (w.vaultId().equals(vaultId) && w.itemId().equals(itemId)) {
                pending = QueuedWrite.fromBytes(w.payload());
            }
        }
        if (pending != null) {
            return Optional.of(view(pending.cachedItem(), true));
        }
        return cache.item(vaultId, itemId).map(i -> view(i, false));
    }

    /** Live items of a vault (tombstones left out), pending local edits included. */
    public List<ItemView> list(String vaultId) {
        java.util.Map<String, ItemView> out = new java.util.TreeMap<>();
        List<CachedItem> items = cache.items(vaultId);
        // Keys first (the engine's key lookup is not for concurrent use), then open in parallel:
        // listing a large vault is one decryption and parse per item.
        java.util.Map<Integer, VaultKey> keys = new java.util.HashMap<>();
        for (CachedItem i : items) {
            if (!i.deleted()) {
                keys.computeIfAbsent(i.revision().keyVersion(), v -> engine.vaultKey(vaultId, v));
            }
        }
        List<ItemView> views =
                (items.size() >= PARALLEL_FROM ? items.parallelStream() : items.stream())
                        .map(i -> view(i, false, keys.get(i.revision().keyVersion())))
                        .toList();
        for (ItemView v : views) {
            out.put(v.itemId(), v);
        }
        for (PendingWrite w : cache.outbox()) {
            if (w.vaultId().equals(vaultId)) {
                out.put(w.itemId(), view(QueuedWrite.fromBytes(w.payload()).cachedItem(), true));
            }
        }
        List<ItemView> live = new ArrayList<>();
        out.values()
                .forEach(
                        v -> {
                            if (v.deleted()) {
                                v.close();
                            } else {
                                live.add(v);
                            }
                        });
        return live;
    }

    /** How many items {@link #forEachLive} holds decrypted at once. */
    static final int VISIT_CHUNK = 512;

    /**
     * Hands every live item of a vault (pending local edits included, as {@link #list} has them) to
     * {@code visitor}, decrypted a chunk at a time in parallel and closed (wiped) right after the
     * visit: the same items as {@link #list} without holding them all decrypted at once. The
     * visitor must not keep the view. Order: cached items by id, then pending edits.
     */
    public void forEachLive(String vaultId, java.util.function.Consumer<ItemView> visitor) {
        java.util.Map<String, PendingWrite> pending = new java.util.LinkedHashMap<>();
        for (PendingWrite w : cache.outbox()) {
            if (w.vaultId().equals(vaultId)) {
                pending.remove(w.itemId()); // the latest queued write of an item wins
                pending.put(w.itemId(), w);
            }
        }
        List<CachedItem> items = new ArrayList<>(cache.items(vaultId));
        items.removeIf(i -> i.deleted() || pending.containsKey(i.itemId()));
        items.sort(Comparator.comparing(CachedItem::itemId));
        java.util.Map<Integer, VaultKey> keys = new java.util.HashMap<>();
        for (CachedItem i : items) {
            keys.computeIfAbsent(i.revision().keyVersion(), v -> engine.vaultKey(vaultId, v));
        }
        for (int from = 0; from < items.size(); from += VISIT_CHUNK) {
            List<CachedItem> chunk =
                    items.subList(from, Math.min(items.size(), from + VISIT_CHUNK));
            List<ItemView> views =
                    (chunk.size() >= PARALLEL_FROM ? chunk.parallelStream() : chunk.stream())
                            .map(i -> view(i, false, keys.get(i.revision().keyVersion())))
                            .toList();
            visitAll(views, visitor);
        }
        List<ItemView> edits = new ArrayList<>();
        for (PendingWrite w : pending.values()) {
            edits.add(view(QueuedWrite.fromBytes(w.payload()).cachedItem(), true));
        }
        visitAll(edits, visitor);
    }

    private static void visitAll(
            List<ItemView> views, java.util.function.Consumer<ItemView> visitor) {
        for (int k = 0; k < views.size(); k++) {
            ItemView v = views.get(k);
            try {
                if (!v.deleted()) {
                    visitor.accept(v);
                }
            } catch (RuntimeException e) {
                views.subList(k + 1, views.size()).forEach(ItemView::close);
                throw e;
            } finally {
                v.close();
            }
        }
    }

    /**
     * Live items of a vault as summaries (no secret values), pending local edits included, by item
     * id: what a listing needs, from the kept index rather than decrypting every item per call.
     */
    public List<ItemSummary> summaries(String vaultId) {
        return index.list(vaultId);
    }

    /** Every cached revision of an item, oldest first, decrypted. */
    public List<ItemView> history(String vaultId, String itemId) {
        List<ItemView> out = new ArrayList<>();
        cache.history(vaultId, itemId).forEach(i -> out.add(view(i, false)));
        cache.item(vaultId, itemId).ifPresent(i -> out.add(view(i, false)));
        return out;
    }

    private ItemView view(CachedItem i, boolean pending) {
        return view(
                i,
                pending,
                i.deleted() ? null : engine.vaultKey(i.vaultId(), i.revision().keyVersion()));
    }

    private ItemView view(CachedItem i, boolean pending, VaultKey vk) {
        ItemContent content = i.deleted() ? null : open(i, vk);
        return new ItemView(
                i.vaultId(),
                i.itemId(),
                i.revisionNumber(),
                i.deleted(),
                pending,
                i.revision().authorId(),
                content);
    }

    private ItemContent open(CachedItem i) {
        return open(i, engine.vaultKey(i.vaultId(), i.revision().keyVersion()));
    }

    private ItemContent open(CachedItem i, VaultKey vk) {
        byte[] plain = null;
        try {
            // A rotation's re-wrap keeps the content sealed at an earlier revision.
            plain = ItemContents.open(vk, i);
            return ItemContent.fromBytes(plain);
        } finally {
            Bytes.wipe(plain);
        }
    }

    // ---- conflicts ----

    /** Edits the server refused because the item changed meanwhile; both versions decrypted. */
    public List<ItemConflict> conflicts() {
        List<ItemConflict> out = new ArrayList<>();
        for (Conflict c : cache.conflicts()) {
            QueuedWrite mine = QueuedWrite.fromBytes(c.localPayload());
            out.add(
                    new ItemConflict(
                            c.id(),
                            c.vaultId(),
                            c.itemId(),
                            c.server().revisionNumber(),
                            mine.deleted() ? null : open(mine.cachedItem()),
                            c.server().deleted() ? null : open(c.server())));
        }
        return out;
    }

    /** Resolves a conflict with the local version, written on top of the server's. */
    public void keepMine(long conflictId) {
        ItemConflict c = find(conflictId);
        resolve(c, c.mine());
    }

    /** Resolves a conflict with the server's version (the local edit is dropped). */
    public void keepTheirs(long conflictId) {
        cache.discardConflict(conflictId);
    }

    /** Resolves a conflict with a merged version. */
    public void resolveMerged(long conflictId, ItemContent merged) {
        resolve(find(conflictId), merged);
    }

    private ItemConflict find(long conflictId) {
        return conflicts().stream()
                .filter(c -> c.conflictId() == conflictId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such conflict"));
    }

    private void resolve(ItemConflict c, ItemContent content) {
        String teamId = engine.teamOf(c.vaultId());
        byte[] plain = content == null ? null : content.toBytes();
        try {
            QueuedWrite q =
                    QueuedWrite.seal(
                            session.identity(),
                            me,
                            teamId,
                            engine.currentVaultKey(c.vaultId()),
                            c.vaultId(),
                            c.itemId(),
                            c.serverRevision() + 1,
                            plain,
                            engine.logSeq(teamId));
            cache.resolveConflict(c.conflictId(), q.toBytes());
        } finally {
            Bytes.wipe(plain);
        }
        try {
            engine.push();
        } catch (ServerUnreachableException offline) {
            // queued
        }
    }

    // ---- search and rotation ----

    /**
     * Searches decrypted names, fields, tags and URLs of every live item, in memory. The index is
     * built at the first search and then only updated with what changed.
     */
    public List<SearchHit> search(String query, int limit) {
        return index.search(query, limit);
    }

    /** Items past (or within {@code windowDays} of) their rotation date or expiry, all vaults. */
    public List<RotationFinding> rotationReport(Clock clock, int windowDays) {
        List<RotationSubject> subjects = new ArrayList<>();
        for (CachedVault v : cache.vaults()) {
            for (ItemView i : list(v.vaultId())) {
                subjects.add(RotationSubject.of(v.vaultId() + "/" + i.itemId(), i.content()));
            }
        }
        return RotationReport.build(subjects, clock, windowDays);
    }

    /**
     * Frees the in-memory item index (summaries and search); {@link #summaries} and {@link #search}
     * reload it from its sealed file when next called. For a front end that has taken what it needs
     * into its own catalog, so the metadata is not held twice.
     */
    public void releaseIndex() {
        index.release();
    }

    /** Drops the decrypted item metadata and the search index (call at lock). */
    @Override
    public void close() {
        index.close();
    }
}
