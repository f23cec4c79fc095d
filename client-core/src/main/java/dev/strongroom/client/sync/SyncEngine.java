package dev.strongroom.client.sync;

import dev.strongroom.client.account.KnownKeys;
import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.api.ApiException;
import dev.strongroom.client.api.ConflictException;
import dev.strongroom.client.api.ForbiddenException;
import dev.strongroom.client.api.NotFoundException;
import dev.strongroom.client.cache.CacheBatch;
import dev.strongroom.client.cache.CacheKey;
import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.cache.CachedVault;
import dev.strongroom.client.cache.KeyWrap;
import dev.strongroom.client.cache.LocalCache;
import dev.strongroom.client.cache.PendingWrite;
import dev.strongroom.client.cache.TeamPin;
import dev.strongroom.client.cache.VaultHeadPin;
import dev.strongroom.client.cache.WriteState;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.crypto.mac.Hkdf;
import dev.strongroom.model.log.LogVerificationException;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.vault.VaultHead;
import dev.strongroom.model.wire.ChangesResponse;
import dev.strongroom.model.wire.CreateItemRequest;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.KeyWrapUpload;
import dev.strongroom.model.wire.LogEntriesResponse;
import dev.strongroom.model.wire.TeamSummary;
import dev.strongroom.model.wire.UpdateItemRequest;
import dev.strongroom.model.wire.VaultHeadRequest;
import dev.strongroom.model.wire.VaultHeadResponse;
import dev.strongroom.model.wire.VaultKeyWrap;
import dev.strongroom.model.wire.VaultSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Verified sync between one unlocked account and its local cache.
 *
 * <p>{@link #pull()} fetches every team's new log entries from the pinned position and verifies
 * them forward (the genesis from scratch the first time), then every vault the verified log grants
 * this account, all pages since the cursor; it checks everything ({@link VaultVerifier}) and only
 * then applies it all in one {@link CacheBatch}. Any failure is a {@link SecurityAlert} and the
 * cache stays exactly as it was.
 *
 * <p>{@link #push()} sends the cache's outbox in order with check-and-set; a refused write (the
 * server moved on) becomes a cache conflict that keeps both versions. After each accepted write it
 * signs a new vault head over every item the server now holds.
 *
 * <p>A pull also applies what the verified log says about this account: a vault it lost access to
 * (revoke_vault, delete_vault, remove_member) is dropped in the same batch and reported as a {@link
 * VaultLoss}, its queued writes kept as {@link StrandedWrite}s; key rotations are applied (new
 * wraps checked against the rotation entry, re-wrapped revisions against its author); and revisions
 * or heads signed at a log position older than the pinned head allows are refused as backdated
 * (docs/CRYPTO.md, "Backdated signatures"), with a checkpoint head sealed after any loss of write
 * access.
 *
 * <p>Because the server stores an item and the head that covers it in two calls, a reader can see
 * an item a writer has not yet sealed with a head; {@link #pull()} then retries once before raising
 * {@code ITEM_TAMPERING}. Not thread-safe: one engine per session.
 */
public final class SyncEngine implements AutoCloseable {

    static final int LOG_PAGE = 500;
    static final int CHANGES_PAGE = 500;

    private final UnlockedSession session;
    private final LocalCache cache;
    private final SyncApi api;
    private final String me;
    private final Map<String, LogHistory> logs = new HashMap<>();
    private final Map<String, Map<Integer, VaultKey>> keys = new HashMap<>();
    private final Map<String, VaultSnapshot> snapshots = new HashMap<>();
    private final Map<String, VaultSnapshot> pendingSnapshots = new HashMap<>();
    private final JoinedTeams joined;
    private final TeamAdmission admission;
    private List<UnjoinedTeam> unjoined = List.of();
    private final KnownKeys.Source members = this::verifiedMembers;

    /** A vault's verified state after a pull: cursor, head and every item's revision hash. */
    private record VaultSnapshot(long cursor, VaultHeadPin head, Map<String, byte[]> hashes) {
        boolean matches(long cursorNow, Optional<VaultHeadPin> headNow) {
            return cursor == cursorNow && java.util.Objects.equals(head, headNow.orElse(null));
        }
    }

    public SyncEngine(UnlockedSession session, LocalCache cache) {
        this.session = session;
        this.cache = cache;
        this.api = new SyncApi(session.server().transport(), session::token);
        this.me = session.accountId().toString();
        this.joined = new JoinedTeams(cache.file(), session);
        this.admission = new TeamAdmission(cache, joined, me, session.identity());
        KnownKeys.of(session).add(members);
    }

    /** Every member's key in the verified logs this cache holds, for directory checks. */
    private List<KnownKeys.Known> verifiedMembers() {
        List<KnownKeys.Known> out = new ArrayList<>();
        for (String teamId : teams()) {
            for (TeamState.Member m : team(teamId).map(s -> s.members().values()).orElseThrow()) {
                var b = m.bundle();
                String where = "in the membership log of team " + teamId;
                out.add(
                        new KnownKeys.Known(
                                b.accountId(), b.email(), b.fingerprint().digest(), where));
            }
        }
        return out;
    }

    /** Where the team package records the teams this account chose to be in. */
    public TeamJoins joins() {
        return new TeamJoins(this, joined);
    }

    /**
     * Teams the server listed at the last pull that this account never created, accepted or joined
     * on this device: verified, but not synced ({@link TeamAdmission}). Each names the alert.
     */
    public List<UnjoinedTeam> unjoinedTeams() {
        return unjoined;
    }

    UnjoinedTeam inspect(String teamId) {
        return admission.describe(teamId, pullLog(teamId, null));
    }

    /**
     * The key that authenticates this account's cache pins: HKDF of the account key with its own
     * label, so only the account holder can write pins that verify.
     */
    public static CacheKey cacheKey(UnlockedSession session) {
        byte[] ak = session.accountKey().copyBytes();
        try {
            return CacheKey.fromBytes(
                    Hkdf.derive(
                            ak,
                            null,
                            Canonical.of("strongroom/v1/cache-key")
                                    .add(session.accountId().toString())
                                    .toBytes(),
                            CacheKey.LENGTH));
        } finally {
            dev.strongroom.crypto.common.Bytes.wipe(ak);
        }
    }

    public SyncApi api() {
        return api;
    }

    public LocalCache cache() {
        return cache;
    }

    public UnlockedSession session() {
        return session;
    }

    /**
     * What a pull brought, and the vaults it removed because this account lost access to them (each
     * with the number of queued writes left stranded).
     */
    public record PullReport(int logEntries, int items, int vaults, List<VaultLoss> lost) {
        public PullReport {
            lost = List.copyOf(lost);
        }

        public PullReport(int logEntries, int items, int vaults) {
            this(logEntries, items, vaults, List.of());
        }
    }

    /**
     * What a push did: writes accepted, writes turned into conflicts, and writes skipped because
     * their vault is no longer writable ({@link #strandedWrites()}).
     */
    public record PushReport(int accepted, int conflicts, int stranded) {
        public PushReport(int accepted, int conflicts) {
            this(accepted, conflicts, 0);
        }
    }

    // ---- reading trusted state (works offline, from the cache) ----

    /** The verified team state, from memory or re-verified from the cached log. */
    public Optional<TeamState> team(String teamId) {
        return Optional.ofNullable(history(teamId)).map(LogHistory::current);
    }

    /** Team ids this cache has pinned. */
    public List<String> teams() {
        return cache.teamPins().stream().map(TeamPin::teamId).toList();
    }

    private LogHistory history(String teamId) {
        LogHistory h = logs.get(teamId);
        if (h != null) {
            return h;
        }
        Optional<TeamPin> pin = cache.teamPin(teamId);
        if (pin.isEmpty()) {
            return null;
        }
        List<SignedLogEntry> entries = cache.logEntries(teamId);
        try {
            h = LogHistory.fromGenesis(entries);
        } catch (LogVerificationException | IndexOutOfBoundsException e) {
            throw new SecurityAlert(SecurityAlertCode.TAMPERED_DATA, "cached log does not verify");
        }
        if (h.seq() != pin.get().lastSeq()
                || !ConstantTime.equals(h.current().headHash(), pin.get().headHash())) {
            throw new SecurityAlert(
                    SecurityAlertCode.TAMPERED_DATA, "cached log does not match its pin");
        }
        logs.put(teamId, h);
        return h;
    }

    /** The verified log position of a team (what new signatures name). */
    public long logSeq(String teamId) {
        return requireHistory(teamId).seq();
    }

    private LogHistory requireHistory(String teamId) {
        LogHistory h = history(teamId);
        if (h == null) {
            throw new IllegalStateException("team " + teamId + " is not synced");
        }
        return h;
    }

    /** The team a cached vault belongs to. */
    public String teamOf(String vaultId) {
        return cache.vaults().stream()
                .filter(v -> v.vaultId().equals(vaultId))
                .map(CachedVault::teamId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown vault " + vaultId));
    }

    /**
     * A verified vault key (owned by the engine: do not close). Opens cached wraps on first use, so
     * it works offline.
     */
    public VaultKey vaultKey(String vaultId, int version) {
        Map<Integer, VaultKey> byVersion = keys.computeIfAbsent(vaultId, v -> new HashMap<>());
        VaultKey k = byVersion.get(version);
        if (k == null) {
            String teamId = teamOf(vaultId);
            VaultVerifier v =
                    new VaultVerifier(
                            teamId, vaultId, me, session.identity(), requireHistory(teamId));
            for (KeyWrap w : cache.keyWraps(vaultId)) {
                if (w.keyVersion() == version) {
                    k = v.openWrap(version, w.wrap());
                    byVersion.put(version, k);
                }
            }
        }
        if (k == null) {
            throw new IllegalStateException("no key version " + version + " for vault " + vaultId);
        }
        return k;
    }

    /** The vault's current key (the version the verified log names). */
    public VaultKey currentVaultKey(String vaultId) {
        String teamId = teamOf(vaultId);
        return vaultKey(
                vaultId, requireHistory(teamId).current().vaults().get(vaultId).keyVersion());
    }

    // ---- pull ----

    /** Pulls and verifies everything; one cache batch on success, nothing on failure. */
    public PullReport pull() {
        PullReport report;
        try {
            report = pullOnce();
        } catch (LogAheadException e) {
            report = retryPull(); // a writer signed at a log position appended after our fetch
        } catch (SecurityAlert a) {
            if (a.code() != SecurityAlertCode.ITEM_TAMPERING) {
                throw a;
            }
            sleep(300); // a writer may be between its item write and its head write
            report = retryPull();
        }
        checkpoint();
        return report;
    }

    private PullReport retryPull() {
        try {
            return pullOnce();
        } catch (LogAheadException e) {
            throw new SecurityAlert(
                    SecurityAlertCode.UNAUTHORIZED_CHANGE,
                    e.getMessage() + " names a log position the server does not serve");
        }
    }

    /**
     * Seals a fresh head over every vault this account writes to where someone lost write access
     * after the pinned head was signed: the "checkpoint" the backdating rule relies on, so that a
     * removed writer cannot add revisions signed at an old log position once any remaining writer
     * has synced. Best effort: a refused head (server busy, access just changed) is retried at the
     * next pull.
     */
    private void checkpoint() {
        for (CachedVault v : cache.vaults()) {
            LogHistory log = logs.get(v.teamId());
            Optional<VaultHeadPin> pin = cache.vaultHead(v.vaultId());
            if (log == null
                    || pin.isEmpty()
                    || log.current().permission(v.vaultId(), me).orElse(null) != Permission.WRITE
                    || !log.writerLostSince(v.vaultId(), pin.get().head().logSeq())) {
                continue;
            }
            try {
                applySealed(
                        v.vaultId(),
                        CacheBatch.builder(),
                        seal(v.teamId(), v.vaultId(), List.of()));
            } catch (ApiException e) {
                // retried at the next pull
            }
        }
    }

    private PullReport pullOnce() {
        pendingSnapshots.clear();
        CacheBatch.Builder batch = CacheBatch.builder();
        Set<String> teamIds = new LinkedHashSet<>(teams());
        Set<String> served = new HashSet<>();
        for (TeamSummary t : api.teams().teams()) {
            served.add(t.teamId().toString());
        }
        teamIds.addAll(served);
        Map<String, LogHistory> verified = new HashMap<>();
        Map<String, VaultLoss.Reason> departed = new HashMap<>();
        List<UnjoinedTeam> ignored = new ArrayList<>();
        int entries = 0;
        for (String teamId : teamIds) {
            LogHistory before = history(teamId);
            LogHistory after;
            try {
                after = pullLog(teamId, before);
            } catch (NotFoundException | ForbiddenException e) {
                if (served.contains(teamId)) {
                    throw e;
                }
                departed.put(teamId, VaultLoss.Reason.TEAM_NOT_SERVED);
                continue;
            }
            Optional<UnjoinedTeam> refused =
                    before == null ? admission.check(teamId, after) : Optional.empty();
            if (refused.isPresent()) {
                ignored.add(refused.get()); // listed by the server, never joined: not synced
                continue;
            }
            if (!after.current().members().containsKey(me)) {
                departed.put(teamId, VaultLoss.Reason.REMOVED_FROM_TEAM);
                continue;
            }
            verified.put(teamId, after);
            if (before == null || after.seq() > before.seq()) {
                TeamNameCheck.read(
                        after.current(), me, session.identity()); // names: its seal opens
            }
            long from = before == null ? -1 : before.seq();
            List<SignedLogEntry> all = after.entries();
            for (SignedLogEntry e : all.subList((int) (from + 1), all.size())) {
                batch.logEntry(e);
                entries++;
            }
            if (before == null || after.seq() > before.seq()) {
                batch.teamPin(
                        new TeamPin(
                                teamId,
                                after.current().genesisHash(),
                                after.seq(),
                                after.current().headHash()));
            }
        }
        List<VaultLoss> lost = accessLosses(verified, departed, batch);
        Map<String, Map<Integer, VaultKey>> opened = new HashMap<>();
        int items = 0;
        int vaults = 0;
        try {
            for (Map.Entry<String, LogHistory> t : verified.entrySet()) {
                for (String vaultId : t.getValue().current().vaults().keySet()) {
                    if (t.getValue().current().permission(vaultId, me).isEmpty()) {
                        continue;
                    }
                    items += pullVault(t.getKey(), vaultId, t.getValue(), batch, opened);
                    vaults++;
                }
            }
            cache.apply(batch.build());
        } catch (RuntimeException e) {
            opened.values().forEach(m -> m.values().forEach(VaultKey::close));
            pendingSnapshots.clear();
            throw e;
        }
        unjoined = List.copyOf(ignored);
        snapshots.keySet().retainAll(pendingSnapshots.keySet());
        snapshots.putAll(pendingSnapshots);
        pendingSnapshots.clear();
        logs.putAll(verified);
        departed.keySet().forEach(logs::remove);
        for (VaultLoss loss : lost) {
            Map<Integer, VaultKey> gone = keys.remove(loss.vaultId());
            if (gone != null) {
                gone.values().forEach(VaultKey::close);
            }
        }
        opened.forEach(
                (vault, byVersion) ->
                        byVersion.forEach(
                                (version, key) -> {
                                    VaultKey old =
                                            keys.computeIfAbsent(vault, v -> new HashMap<>())
                                                    .put(version, key);
                                    if (old != null) {
                                        old.close();
                                    }
                                }));
        return new PullReport(entries, items, vaults, lost);
    }

    /**
     * Cached vaults this account no longer reads according to the verified logs (or of teams it
     * left): removed in {@code batch}, with their queued writes counted as stranded.
     */
    private List<VaultLoss> accessLosses(
            Map<String, LogHistory> verified,
            Map<String, VaultLoss.Reason> departed,
            CacheBatch.Builder batch) {
        List<VaultLoss> lost = new ArrayList<>();
        List<PendingWrite> outbox = cache.outbox();
        for (CachedVault v : cache.vaults()) {
            VaultLoss.Reason reason = departed.get(v.teamId());
            LogHistory h = verified.get(v.teamId());
            if (reason == null && h != null && h.current().permission(v.vaultId(), me).isEmpty()) {
                reason = VaultLoss.reasonIn(h.current(), v.vaultId(), me);
            }
            if (reason == null) {
                continue;
            }
            long stranded = outbox.stream().filter(w -> w.vaultId().equals(v.vaultId())).count();
            lost.add(new VaultLoss(v.vaultId(), v.teamId(), reason, (int) stranded));
            if (!departed.containsKey(v.teamId())) {
                batch.removeVault(v.vaultId());
            }
        }
        departed.keySet().stream().filter(t -> history(t) != null).forEach(batch::removeTeam);
        return lost;
    }

    /**
     * Queued writes that cannot be sent because this account no longer holds write access to their
     * vault (per the verified log, or the vault is gone from the cache). Works offline.
     */
    public List<StrandedWrite> strandedWrites() {
        List<StrandedWrite> out = new ArrayList<>();
        for (PendingWrite w : cache.outbox()) {
            if (!writable(w.vaultId())) {
                out.add(
                        new StrandedWrite(
                                w.id(),
                                w.vaultId(),
                                w.itemId(),
                                QueuedWrite.fromBytes(w.payload()).revision()));
            }
        }
        return out;
    }

    /** Drops a stranded write for good (the user has seen it). Refuses a write still sendable. */
    public void discardStrandedWrite(long writeId) {
        boolean stranded = strandedWrites().stream().anyMatch(s -> s.writeId() == writeId);
        if (!stranded) {
            throw new IllegalArgumentException("write " + writeId + " is not stranded");
        }
        cache.apply(CacheBatch.builder().completeWrite(writeId).build());
    }

    /** True if the vault is cached and the verified log gives this account write access. */
    /** Whether the verified log gives this account write access to the vault now. */
    public boolean canWrite(String vaultId) {
        return writable(vaultId);
    }

    private boolean writable(String vaultId) {
        Optional<String> team =
                cache.vaults().stream()
                        .filter(v -> v.vaultId().equals(vaultId))
                        .map(CachedVault::teamId)
                        .findFirst();
        return team.flatMap(this::team)
                .flatMap(s -> s.permission(vaultId, me))
                .filter(p -> p == Permission.WRITE)
                .isPresent();
    }

    private LogHistory pullLog(String teamId, LogHistory before) {
        long after = before == null ? -1 : before.seq();
        List<SignedLogEntry> fetched = new ArrayList<>();
        long serverHead;
        while (true) {
            LogEntriesResponse page = api.log(teamId, after + fetched.size(), LOG_PAGE);
            serverHead = page.headSeq();
            fetched.addAll(page.entries());
            if (page.entries().size() < LOG_PAGE || after + fetched.size() >= serverHead) {
                break;
            }
        }
        if (serverHead < after) {
            throw new SecurityAlert(
                    SecurityAlertCode.LOG_ROLLBACK,
                    "team " + teamId + " log is at " + serverHead + ", pinned " + after);
        }
        try {
            if (before == null) {
                if (fetched.isEmpty()) {
                    throw new SecurityAlert(SecurityAlertCode.LOG_ROLLBACK, "empty team log");
                }
                LogHistory h = LogHistory.fromGenesis(fetched);
                Optional<byte[]> genesis = cache.pinnedGenesis(teamId);
                if (genesis.isPresent()
                        && !ConstantTime.equals(genesis.get(), h.current().genesisHash())) {
                    throw new SecurityAlert(
                            SecurityAlertCode.LOG_FORK, "team " + teamId + " has a new genesis");
                }
                return h;
            }
            return fetched.isEmpty() ? before : before.extend(fetched);
        } catch (LogVerificationException e) {
            throw Alerts.log(teamId, e);
        }
    }

    private int pullVault(
            String teamId,
            String vaultId,
            LogHistory log,
            CacheBatch.Builder batch,
            Map<String, Map<Integer, VaultKey>> opened) {
        long since = cache.cursor(vaultId);
        Optional<VaultHeadPin> pinned = cache.vaultHead(vaultId);
        VaultVerifier verifier =
                new VaultVerifier(teamId, vaultId, me, session.identity(), log, pinned);
        Map<Integer, VaultKey> vaultKeys = new HashMap<>();
        opened.put(vaultId, vaultKeys);
        for (KeyWrap w : cache.keyWraps(vaultId)) {
            vaultKeys.put(w.keyVersion(), verifier.openWrap(w.keyVersion(), w.wrap()));
        }
        // The verified state of the last pull, if the cache has not moved since (same cursor and
        // head: no other process or push changed it), spares reading and re-hashing every item,
        // and lets revisions served again unchanged pass without a second verification.
        VaultSnapshot snap = snapshots.get(vaultId);
        boolean useSnap = snap != null && snap.matches(since, pinned);
        CachedRows rows = new CachedRows(vaultId, !useSnap);
        Map<String, byte[]> hashes =
                useSnap ? new HashMap<>(snap.hashes()) : VaultVerifier.hashes(rows.all());
        ServedItems served =
                new ServedItems(verifier, rows::get, useSnap ? snap.hashes() : Map.of(), vaultKeys);
        VaultHeadResponse head = null;
        VaultSummary summary = null;
        long cursor = since;
        ChangesResponse page = api.changes(vaultId, cursor, CHANGES_PAGE);
        while (true) {
            if (!vaultId.equals(String.valueOf(page.vaultId())) || page.cursor() < cursor) {
                throw new SecurityAlert(
                        SecurityAlertCode.TAMPERED_DATA, "vault " + vaultId + ": bad changes page");
            }
            // fetch the next page while this one is verified
            PageFetch next =
                    page.hasMore()
                            ? PageFetch.start(api, vaultId, page.cursor(), CHANGES_PAGE)
                            : null;
            try {
                for (VaultKeyWrap w : page.wraps()) {
                    VaultKey k = verifier.openWrap(w.keyVersion(), w.wrap());
                    VaultKey old = vaultKeys.put(w.keyVersion(), k);
                    if (old != null) {
                        old.close();
                    }
                    batch.keyWrap(new KeyWrap(vaultId, w.keyVersion(), w.wrap()));
                }
                if (page.items().size() >= ServedItems.PARALLEL_FROM) {
                    rows.loadAll();
                }
                served.add(page.items());
            } catch (RuntimeException e) {
                if (next != null) {
                    next.abandon();
                }
                throw e;
            }
            head = page.head() != null ? page.head() : head;
            summary = page.vault() != null ? page.vault() : summary;
            cursor = page.cursor();
            if (next == null) {
                break;
            }
            page = next.join();
        }
        Map<String, CachedItem> changed = served.finish();
        hashes.putAll(served.changedHashes());
        Optional<VaultHeadPin> newHead = Optional.empty();
        if (head != null) {
            VaultHeadPin pin = verifier.head(head, pinned);
            if (pinned.isEmpty() || pin.head().counter() > pinned.get().head().counter()) {
                newHead = Optional.of(pin);
            }
        }
        VaultHeadPin effective = newHead.or(() -> pinned).orElse(null);
        if (effective != null) {
            verifier.requireMatchesHashes(effective.head(), hashes);
        } else if (!hashes.isEmpty()) {
            throw new SecurityAlert(
                    SecurityAlertCode.ITEM_TAMPERING, "vault " + vaultId + ": items but no head");
        }
        pendingSnapshots.put(vaultId, new VaultSnapshot(cursor, effective, hashes));
        byte[] cachedName = cachedMetadata(vaultId);
        byte[] name = cachedName;
        if (summary != null && summary.metadata() != null) {
            name = summary.metadata();
            VaultNames.Opened servedName = VaultNames.open(name, teamId, vaultId, vaultKeys::get);
            VaultNames.Opened had = VaultNames.open(cachedName, teamId, vaultId, vaultKeys::get);
            if (servedName.counter() < had.counter()) {
                throw new SecurityAlert(
                        SecurityAlertCode.HEAD_ROLLBACK,
                        "vault " + vaultId + ": the server served an older name");
            }
        }
        batch.vault(new CachedVault(vaultId, teamId, name));
        changed.values().forEach(batch::item);
        newHead.ifPresent(batch::vaultHead);
        batch.cursor(vaultId, cursor);
        return changed.size() + served.unchanged();
    }

    /**
     * A vault's cached latest revisions: all read at once when many are needed (a large pull, or no
     * snapshot to go by), else one by one as served items ask for them.
     */
    private final class CachedRows {
        private final String vaultId;
        private Map<String, CachedItem> all;

        CachedRows(String vaultId, boolean loadNow) {
            this.vaultId = vaultId;
            if (loadNow) {
                loadAll();
            }
        }

        void loadAll() {
            if (all == null) {
                Map<String, CachedItem> m = new TreeMap<>();
                cache.items(vaultId).forEach(i -> m.put(i.itemId(), i));
                all = m;
            }
        }

        Map<String, CachedItem> all() {
            loadAll();
            return all;
        }

        /** Thread-safe once {@link #loadAll()} ran. */
        CachedItem get(String itemId) {
            return all != null ? all.get(itemId) : cache.item(vaultId, itemId).orElse(null);
        }
    }

    private byte[] cachedMetadata(String vaultId) {
        return cache.vaults().stream()
                .filter(v -> v.vaultId().equals(vaultId))
                .map(CachedVault::metadata)
                .findFirst()
                .orElse(new byte[0]);
    }

    // ---- push ----

    /**
     * Sends the outbox in order. Each accepted write is applied to the cache with a new signed
     * head; a write the server refuses because the item moved on becomes a conflict (both versions
     * kept). Throws {@code ServerUnreachableException} if the server is down: the outbox stays.
     */
    public PushReport push() {
        int accepted = 0;
        int conflicts = 0;
        int stranded = 0;
        for (PendingWrite w : cache.outbox()) {
            if (!writable(w.vaultId())) {
                stranded++; // kept in the outbox and listed by strandedWrites()
                continue;
            }
            QueuedWrite q = QueuedWrite.fromBytes(w.payload());
            cache.setWriteState(w.id(), WriteState.SENDING);
            ItemResponse stored;
            try {
                stored = send(q, w.baseRevision());
            } catch (ConflictException e) {
                pull();
                CachedItem server =
                        cache.item(q.vaultId(), q.itemId())
                                .orElseThrow(
                                        () ->
                                                new SecurityAlert(
                                                        SecurityAlertCode.ITEM_TAMPERING,
                                                        "server claims a conflict on an item it does not serve"));
                CacheBatch.Builder b = CacheBatch.builder();
                if (server.equals(q.cachedItem())) {
                    b.completeWrite(w.id()); // our earlier attempt went through
                    accepted++;
                } else {
                    b.conflict(w.id(), server);
                    conflicts++;
                }
                cache.apply(b.build());
                continue;
            } catch (RuntimeException e) {
                cache.setWriteState(w.id(), WriteState.QUEUED);
                throw e;
            }
            if (stored.revision() != q.revision()) {
                throw new SecurityAlert(
                        SecurityAlertCode.TAMPERED_DATA, "server stored another revision");
            }
            CachedItem mine = q.cachedItem();
            Sealed sealed = seal(q.teamId(), q.vaultId(), List.of(mine));
            applySealed(q.vaultId(), CacheBatch.builder().item(mine).completeWrite(w.id()), sealed);
            accepted++;
        }
        return new PushReport(accepted, conflicts, stranded);
    }

    private ItemResponse send(QueuedWrite q, long base) {
        if (base == 0) {
            return api.createItem(
                    q.vaultId(),
                    new CreateItemRequest(
                            java.util.UUID.fromString(q.itemId()),
                            q.keyVersion(),
                            q.itemKeyWrap(),
                            q.content(),
                            q.signature(),
                            q.logSeq()));
        }
        return api.updateItem(
                q.vaultId(),
                q.itemId(),
                new UpdateItemRequest(
                        base,
                        q.keyVersion(),
                        q.itemKeyWrap(),
                        q.content(),
                        q.deleted(),
                        q.signature(),
                        q.logSeq()));
    }

    /**
     * A head this engine signed, and what the cache holds once the head and the engine's own items
     * are applied (null if it was not known before). When everything the server served since the
     * cursor was this engine's own or already verified, {@code cursor} (else -1) is where the cache
     * may move with the head, taking the served and verified key {@code wraps}: it then holds
     * exactly what the server holds, so the next pull need not fetch the own revisions again.
     */
    private record Sealed(VaultHeadPin pin, VaultSnapshot next, long cursor, List<KeyWrap> wraps) {}

    VaultHeadPin sealHead(String teamId, String vaultId, CachedItem mine) {
        return seal(teamId, vaultId, mine == null ? List.of() : List.of(mine)).pin();
    }

    /**
     * Signs and uploads a head over every item the server holds plus {@code own} (revisions this
     * engine signed and will apply with the head): the served changes are verified item by item
     * (signature, writer, envelope) but not against the old head, since they may include other
     * writers' items not yet sealed; a served revision byte for byte equal to one of {@code own},
     * or to one this engine verified before, is not verified again. Retries when another writer's
     * head lands first.
     */
    private Sealed seal(String teamId, String vaultId, List<CachedItem> own) {
        Map<String, CachedItem> ownById = new HashMap<>();
        Map<String, byte[]> ownHashes = new HashMap<>();
        for (CachedItem i : own) {
            ownById.put(i.itemId(), i);
            ownHashes.put(i.itemId(), i.revision().revisionHash(i.signature()));
        }
        for (int attempt = 0; ; attempt++) {
            LogHistory log = requireHistory(teamId);
            Optional<VaultHeadPin> pinned = cache.vaultHead(vaultId);
            VaultVerifier verifier =
                    new VaultVerifier(teamId, vaultId, me, session.identity(), log, pinned);
            long since = cache.cursor(vaultId);
            VaultSnapshot snap = snapshots.get(vaultId);
            boolean useSnap = snap != null && snap.matches(since, pinned);
            CachedRows rows = new CachedRows(vaultId, !useSnap);
            Map<String, byte[]> hashes =
                    useSnap ? new HashMap<>(snap.hashes()) : VaultVerifier.hashes(rows.all());
            long counter = pinned.map(p -> p.head().counter()).orElse(0L);
            long headLogSeq = pinned.map(p -> p.head().logSeq()).orElse(0L);
            Map<Integer, VaultKey> vaultKeys = keys.computeIfAbsent(vaultId, v -> new HashMap<>());
            ServedItems served =
                    new ServedItems(
                            verifier,
                            rows::get,
                            useSnap ? snap.hashes() : Map.of(),
                            vaultKeys,
                            ownById,
                            ownHashes);
            boolean logAhead = false;
            long at = since;
            List<KeyWrap> wraps = new ArrayList<>();
            while (true) {
                ChangesResponse page = api.changes(vaultId, at, CHANGES_PAGE);
                if (logAhead(page, log)) {
                    logAhead = true;
                    break;
                }
                for (VaultKeyWrap w : page.wraps()) {
                    VaultKey k = verifier.openWrap(w.keyVersion(), w.wrap());
                    if (vaultKeys.containsKey(w.keyVersion())) {
                        k.close();
                    } else {
                        vaultKeys.put(w.keyVersion(), k);
                    }
                    wraps.add(new KeyWrap(vaultId, w.keyVersion(), w.wrap()));
                }
                if (page.items().size() >= ServedItems.PARALLEL_FROM) {
                    rows.loadAll();
                }
                served.add(page.items());
                if (page.head() != null) {
                    VaultHead head = verifier.head(page.head(), pinned).head();
                    counter = Math.max(counter, head.counter());
                    headLogSeq = Math.max(headLogSeq, head.logSeq());
                }
                at = page.cursor();
                if (!page.hasMore()) {
                    break;
                }
            }
            if (logAhead && attempt >= 4) {
                throw new SecurityAlert(
                        SecurityAlertCode.UNAUTHORIZED_CHANGE,
                        "vault "
                                + vaultId
                                + ": a change names a log position the server does not"
                                + " serve");
            }
            if (logAhead || headLogSeq > log.seq()) {
                // another writer sealed at a later log position: verify the log that far first,
                // so this head does not name an older position than the one before it
                refreshLog(teamId);
                continue;
            }
            Map<String, byte[]> covered = new HashMap<>(hashes);
            served.finish();
            covered.putAll(served.changedHashes());
            covered.putAll(ownHashes);
            int keyVersion = log.current().vaults().get(vaultId).keyVersion();
            try {
                VaultHeadPin pin =
                        putHead(teamId, vaultId, counter + 1, keyVersion, covered, log.seq());
                boolean onlyOwn = served.foreign() == 0;
                long cursorAfter = onlyOwn ? at : since;
                VaultSnapshot next = null;
                if (useSnap) {
                    // the cache will hold its rows as before plus the own items, under this head
                    Map<String, byte[]> after = new HashMap<>(hashes);
                    after.putAll(ownHashes);
                    next = new VaultSnapshot(cursorAfter, pin, after);
                }
                return new Sealed(pin, next, onlyOwn ? at : -1, onlyOwn ? wraps : List.of());
            } catch (ConflictException e) {
                if (attempt >= 4) {
                    throw e;
                }
            }
        }
    }

    /** Applies a head this engine sealed (with its own items) and keeps the snapshot current. */
    private void applySealed(String vaultId, CacheBatch.Builder batch, Sealed sealed) {
        if (sealed.cursor() >= 0) {
            batch.cursor(vaultId, sealed.cursor());
            sealed.wraps().forEach(batch::keyWrap);
        }
        cache.apply(batch.vaultHead(sealed.pin()).build());
        if (sealed.next() != null) {
            snapshots.put(vaultId, sealed.next());
        } else {
            snapshots.remove(vaultId);
        }
    }

    /** True if a served item or head names a log position beyond {@code log}. */
    private static boolean logAhead(ChangesResponse page, LogHistory log) {
        boolean items = page.items().stream().anyMatch(r -> r.logSeq() > log.seq());
        return items || (page.head() != null && page.head().logSeq() > log.seq());
    }

    /**
     * Fetches, verifies and stores a team's new log entries only (no vault data), so a writer can
     * sign at the latest position.
     */
    void refreshLog(String teamId) {
        LogHistory before = requireHistory(teamId);
        LogHistory after = pullLog(teamId, before);
        if (after.seq() == before.seq()) {
            return;
        }
        CacheBatch.Builder b = CacheBatch.builder();
        List<SignedLogEntry> all = after.entries();
        all.subList((int) before.seq() + 1, all.size()).forEach(b::logEntry);
        b.teamPin(
                new TeamPin(
                        teamId,
                        after.current().genesisHash(),
                        after.seq(),
                        after.current().headHash()));
        cache.apply(b.build());
        logs.put(teamId, after);
    }

    /**
     * Rotates a vault's key: a rotate_vault_key entry with a new wrap for every current grantee and
     * every live item's key re-wrapped ({@link KeyRotation}), then a head over the re-wrapped items
     * at the rotation's log position, then a pull. Needs write access (or an admin role with a
     * grant). Returns the new key version.
     */
    public int rotateVaultKey(String vaultId) {
        pull();
        String teamId = teamOf(vaultId);
        long since = cache.cursor(vaultId);
        KeyRotation.Prepared rotation = KeyRotation.prepare(this, vaultId);
        api.append(teamId, rotation.request());
        refreshLog(teamId);
        if (requireHistory(teamId).current().permission(vaultId, me).orElse(null)
                == Permission.WRITE) {
            // The re-wrapped revisions are this engine's own: the head covers them as signed and
            // the cache takes them with it, so neither this seal nor the pull below verifies them
            // again as served. When the server holds nothing else, the head is sealed from memory
            // without fetching them back at all.
            List<CachedItem> rewrapped = rotation.revisions();
            CacheBatch.Builder b = CacheBatch.builder();
            rewrapped.forEach(b::item);
            Sealed sealed = sealRotation(teamId, vaultId, since, rotation);
            applySealed(vaultId, b, sealed != null ? sealed : seal(teamId, vaultId, rewrapped));
        }
        pull();
        return requireHistory(teamId).current().vaults().get(vaultId).keyVersion();
    }

    /**
     * The head after this engine's own rotation, from memory: the snapshot of the pull just before
     * it (every revision verified) with the re-wrapped revisions as signed here, at the next
     * counter and the rotation's log position. Only when the server holds nothing since that pull
     * but the rotation ({@link KeyRotation#onlyOwnSince}); the cache then moves to the rotation's
     * change position and takes this account's new wrap. Null (the caller seals the usual way,
     * fetching what the server holds) otherwise, or when another head landed first.
     */
    private Sealed sealRotation(
            String teamId, String vaultId, long since, KeyRotation.Prepared rotation) {
        Optional<VaultHeadPin> pinned = cache.vaultHead(vaultId);
        VaultSnapshot snap = snapshots.get(vaultId);
        KeyWrapUpload mine = rotation.wrapFor(me);
        if (snap == null || !snap.matches(since, pinned) || pinned.isEmpty() || mine == null) {
            return null;
        }
        LogHistory log = requireHistory(teamId);
        VaultVerifier verifier =
                new VaultVerifier(teamId, vaultId, me, session.identity(), log, pinned);
        if (!KeyRotation.onlyOwnSince(api, verifier, vaultId, since, rotation)) {
            return null;
        }
        Map<String, byte[]> covered = new HashMap<>(snap.hashes());
        for (CachedItem i : rotation.revisions()) {
            covered.put(i.itemId(), i.revision().revisionHash(i.signature()));
        }
        int keyVersion = log.current().vaults().get(vaultId).keyVersion();
        VaultHeadPin pin;
        try {
            pin =
                    putHead(
                            teamId,
                            vaultId,
                            pinned.get().head().counter() + 1,
                            keyVersion,
                            covered,
                            log.seq());
        } catch (ConflictException another) {
            return null;
        }
        long at = rotation.positionAfter(since);
        return new Sealed(
                pin,
                new VaultSnapshot(at, pin, covered),
                at,
                List.of(new KeyWrap(vaultId, mine.keyVersion(), mine.wrap())));
    }

    /** Signs the first head of a new, empty vault. */
    public void sealEmptyVault(String teamId, String vaultId) {
        applySealed(vaultId, CacheBatch.builder(), seal(teamId, vaultId, List.of()));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Wipes the vault keys held in memory. */
    @Override
    public void close() {
        keys.values().forEach(m -> m.values().forEach(VaultKey::close));
        keys.clear();
        logs.clear();
        joined.close();
        KnownKeys.of(session).remove(members);
    }

    static boolean isConflict(ApiException e) {
        return e instanceof ConflictException;
    }

    /**
     * Signs a head over {@code covered} (item id to revision hash) and uploads it.
     *
     * @throws ConflictException if another writer's head took that counter first
     */
    private VaultHeadPin putHead(
            String teamId,
            String vaultId,
            long counter,
            int keyVersion,
            Map<String, byte[]> covered,
            long logSeq) {
        VaultHead head =
                new VaultHead(
                        teamId,
                        vaultId,
                        counter,
                        keyVersion,
                        VaultHead.digestOf(covered),
                        covered.size(),
                        me,
                        logSeq);
        byte[] sig = head.sign(session.identity());
        api.putHead(
                vaultId,
                new VaultHeadRequest(
                        head.counter(),
                        keyVersion,
                        head.itemsDigest(),
                        head.itemCount(),
                        head.logSeq(),
                        sig));
        return new VaultHeadPin(head, sig);
    }
}
