package dev.strongroom.client.cache;

import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.kdf.KdfParams;
import dev.strongroom.model.log.SignedLogEntry;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The client's local cache for one account on one server: a single SQLite file holding only
 * ciphertext and pinned trust state, so that reads work offline and a malicious server cannot roll
 * the client back. See the package documentation for what is stored, how trust state is protected
 * and what happens after a rebuild.
 *
 * <p>Methods are synchronized; one instance may be shared by threads. Other processes may open the
 * same file (SQLite WAL with a busy timeout). Every write is a transaction; {@link #apply} writes a
 * whole verified sync response at once or not at all.
 */
public final class LocalCache implements AutoCloseable {

    /** A unit of work on the connection. */
    private interface Work<T> {
        T run() throws SQLException, IOException;
    }

    private final Path file;
    private final Path pinFile;
    private final CacheKey key;
    private final CacheProfile profile;
    private final Connection conn;
    private final TrustRows trust;
    private final ContentRows content;
    private final OutboxRows outbox;
    private PinStore pins;
    private boolean closed;

    private LocalCache(Path file, Connection conn, CacheKey key, CacheProfile profile) {
        this.file = file;
        this.pinFile = PinStore.pathFor(file);
        this.conn = conn;
        this.key = key;
        this.profile = profile;
        this.trust = new TrustRows(conn, key, profile);
        this.content = new ContentRows(conn);
        this.outbox = new OutboxRows(conn);
    }

    /**
     * Opens the cache file of {@code profile}, creating it (and its directory, owner-only) if it
     * does not exist. An existing file is validated before use; the pin file next to it ({@link
     * PinStore#pathFor}) is checked against it and refreshed.
     *
     * @param key authenticates pinned state; the cache keeps its own copy until {@link #close()}
     * @throws CacheCorruptException if the file is empty, truncated, not a Strongroom cache, fails
     *     the integrity check or belongs to another profile (use {@link #rebuild})
     * @throws UnsupportedCacheFormatException if it was written in a format this build cannot read
     * @throws CacheTamperedException if pinned state or the pin file fails its HMAC
     */
    public static LocalCache open(Path file, CacheKey key, CacheProfile profile) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(profile, "profile");
        CacheKey own = key.copy();
        Connection conn = null;
        try {
            CacheFiles.ensureDirectory(file.toAbsolutePath().getParent());
            conn = connect(file, own, profile);
            LocalCache cache = new LocalCache(file, conn, own, profile);
            cache.transaction("checking the pin file", cache::reconcilePins, p -> cache.pins = p);
            return cache;
        } catch (IOException | SQLException | RuntimeException e) {
            closeQuietly(conn);
            own.close();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new CacheException("cache: cannot open " + file.getFileName(), e);
        }
    }

    private static Connection connect(Path file, CacheKey key, CacheProfile profile)
            throws IOException, SQLException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            try {
                return CacheOpener.create(file, key, profile);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: validate theirs
            }
        }
        return CacheOpener.openExisting(file, key, profile);
    }

    /**
     * Moves a bad cache file (and its -wal/-shm files) aside as {@code <name>.corrupt-<UTC time>},
     * never deleting anything, and opens a fresh cache in its place. The pin file is kept, so the
     * fresh cache still knows every team's genesis hash and the KDF pin. Close any open instance on
     * {@code file} first.
     *
     * <p>After a rebuild the cache holds no log entries, team pins, vault heads or items: the sync
     * engine must re-verify every team's membership log from genesis (checking entry 0 against
     * {@link #pinnedGenesis}, which {@link #pinTeam} enforces) and re-download every vault.
     */
    public static LocalCache rebuild(Path file, CacheKey key, CacheProfile profile) {
        moveAsideIfPresent(file);
        return open(file, key, profile);
    }

    /**
     * The one way front ends open a cache: {@link #open} if the file can be trusted, otherwise a
     * rebuild that says what it did. A file that is not SQLite, truncated, fails the integrity
     * check, has another schema or profile ({@link CacheCorruptException}), or whose pins or pin
     * file fail their HMAC ({@link CacheTamperedException}) is moved aside as {@code
     * <name>.corrupt-<UTC time>} (never deleted, never half-read) and a fresh cache takes its
     * place; the caller must then run a full pull.
     *
     * <p>A pin file that fails its own check (or is missing next to an existing cache) is moved
     * aside too, and the result then names {@link CacheRebuild.TrustLoss#GENESIS_AND_KDF_PINS}: the
     * genesis hashes and KDF pin are gone and the next sync and login fall back to trust on first
     * use. That is never silent: {@link CacheRebuild#securityRelevant()} is true and the caller
     * must show it.
     *
     * @throws UnsupportedCacheFormatException for a cache of a newer format (not rebuilt: it may
     *     hold queued writes a newer client can still send)
     * @throws CacheException if the file is locked or cannot be moved or created
     */
    public static CacheOpening openOrRebuild(Path file, CacheKey key, CacheProfile profile) {
        CacheRebuild.Reason reason;
        try {
            return new CacheOpening(open(file, key, profile), Optional.empty());
        } catch (CacheTamperedException e) {
            reason = CacheRebuild.Reason.TAMPERED;
        } catch (UnsupportedCacheFormatException e) {
            throw e;
        } catch (CacheCorruptException e) {
            reason = CacheRebuild.Reason.CORRUPT;
        }
        Path pinFile = PinStore.pathFor(file);
        Optional<Path> pinAside = Optional.empty();
        boolean pinsKept = false;
        try {
            pinsKept =
                    PinStore.load(pinFile, key).map(p -> p.profile().equals(profile)).orElse(false);
        } catch (CacheTamperedException | UnsupportedCacheFormatException e) {
            pinsKept = false;
        } catch (IOException e) {
            throw new CacheException("cache: cannot read " + pinFile.getFileName(), e);
        }
        try {
            if (!pinsKept && Files.exists(pinFile, LinkOption.NOFOLLOW_LINKS)) {
                pinAside = Optional.of(CacheFiles.moveAside(pinFile, Instant.now()));
            }
        } catch (IOException e) {
            throw new CacheException("cache: cannot move " + pinFile.getFileName() + " aside", e);
        }
        Optional<Path> aside = moveAsideIfPresent(file);
        List<CacheRebuild.TrustLoss> lost = new java.util.ArrayList<>();
        if (!pinsKept) {
            lost.add(CacheRebuild.TrustLoss.GENESIS_AND_KDF_PINS);
        }
        lost.add(CacheRebuild.TrustLoss.LOG_POSITIONS_AND_VAULT_HEADS);
        lost.add(CacheRebuild.TrustLoss.QUEUED_WRITES);
        LocalCache fresh = open(file, key, profile);
        return new CacheOpening(
                fresh, Optional.of(new CacheRebuild(reason, aside, pinAside, lost)));
    }

    /** Moves the cache file and its companions aside as a set; empty if there was none. */
    private static Optional<Path> moveAsideIfPresent(Path file) {
        try {
            boolean any = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
            for (String suffix : CacheFiles.COMPANIONS) {
                any |= Files.exists(file.resolveSibling(file.getFileName() + suffix));
            }
            if (!any) {
                return Optional.empty();
            }
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                CacheFiles.createOwnerOnly(file); // so the orphans move aside as a set
            }
            return Optional.of(CacheFiles.moveAside(file, Instant.now()));
        } catch (IOException e) {
            throw new CacheException("cache: cannot move " + file.getFileName() + " aside", e);
        }
    }

    /**
     * Checks every pin against the pin file, then fills whichever side lacks something. Runs in a
     * write transaction, so it cannot interleave with another process updating either file.
     */
    private PinStore reconcilePins() throws IOException, SQLException {
        Optional<PinStore> loaded = PinStore.load(pinFile, key);
        PinStore store = loaded.orElseGet(() -> new PinStore(profile, null, Map.of()));
        if (!store.profile().equals(profile)) {
            throw new CacheTamperedException("pin file belongs to another account or server");
        }
        PinStore updated = store;
        for (TeamPin pin : trust.teams()) {
            Optional<byte[]> genesis = store.genesis(pin.teamId());
            if (genesis.isEmpty()) {
                updated = updated.withGenesis(pin.teamId(), pin.genesisHash());
            } else if (!ConstantTime.equals(genesis.get(), pin.genesisHash())) {
                throw new CacheTamperedException(
                        "cache and pin file disagree on the genesis of team " + pin.teamId());
            }
        }
        trust.vaultHeads(); // verifies every head's HMAC now rather than at first use
        Optional<KdfParams> cached = trust.kdf();
        if (cached.isPresent()) {
            KdfFields fields = KdfFields.of(cached.get());
            if (!fields.equals(store.kdfFields())) {
                updated = updated.withKdf(fields); // the cache commits first, so it is newer
            }
        } else if (store.kdfFields() != null) {
            trust.writeKdf(store.kdfFields().toParams()); // a fresh cache learns the old pin
        }
        if (updated != store || loaded.isEmpty()) {
            updated.save(pinFile, key);
        }
        return updated;
    }

    /** The pin file as it is now on disk (this instance's copy if it was never written). */
    private PinStore currentPins() throws IOException {
        PinStore onDisk = PinStore.load(pinFile, key).orElse(pins);
        if (!onDisk.profile().equals(profile)) {
            throw new CacheTamperedException("pin file belongs to another account or server");
        }
        return onDisk;
    }

    public CacheProfile profile() {
        return profile;
    }

    public Path file() {
        return file;
    }

    /**
     * Applies a verified sync response in one transaction. Any failure (a refused rollback, a
     * constraint, I/O) leaves the cache exactly as it was. A batch that adds a genesis hash or
     * changes the KDF pin rewrites the pin file just before the commit.
     *
     * @throws RollbackRefusedException if a pin, item or log entry would move back or be rewritten
     * @throws IllegalArgumentException if the batch refers to unknown vaults, writes or conflicts,
     *     or holds log entries beyond (or not matching) the team's pin
     */
    public synchronized void apply(CacheBatch batch) {
        Objects.requireNonNull(batch, "batch");
        transaction(
                "applying a sync batch",
                () -> {
                    // Re-read under the write lock: another process may have added a genesis.
                    PinStore current = currentPins();
                    PinStore updated =
                            new BatchWriter(conn, trust, current).apply(batch, Instant.now());
                    if (updated != current) {
                        updated.save(pinFile, key);
                    }
                    return updated;
                },
                updated -> pins = updated);
    }

    /** Moves a team's pin forward (see {@link CacheBatch.Builder#teamPin}). */
    public void pinTeam(TeamPin pin) {
        apply(CacheBatch.builder().teamPin(pin).build());
    }

    /** Moves a vault's head pin forward (see {@link CacheBatch.Builder#vaultHead}). */
    public void pinVaultHead(VaultHeadPin pin) {
        apply(CacheBatch.builder().vaultHead(pin).build());
    }

    /**
     * Pins the account's KDF parameters (first login, or after this client changed them). Whether a
     * server's offer is acceptable against the pin is the account module's decision.
     */
    public void pinKdf(KdfParams params) {
        apply(CacheBatch.builder().kdfPin(params).build());
    }

    /** The pinned KDF parameters, HMAC-checked. */
    public synchronized Optional<KdfParams> kdfPin() {
        return read("reading the KDF pin", trust::kdf);
    }

    public synchronized Optional<TeamPin> teamPin(String teamId) {
        return read("reading a team pin", () -> trust.team(teamId));
    }

    public synchronized List<TeamPin> teamPins() {
        return read("reading team pins", trust::teams);
    }

    /**
     * The genesis hash this client has pinned for a team: from the team's pin, or from the pin file
     * when the cache was rebuilt. Empty only for a team never seen.
     */
    public synchronized Optional<byte[]> pinnedGenesis(String teamId) {
        Optional<byte[]> fromCache =
                read("reading a team pin", () -> trust.team(teamId)).map(TeamPin::genesisHash);
        return fromCache.isPresent()
                ? fromCache
                : read("reading the pin file", this::currentPins).genesis(teamId);
    }

    /** Stored entries of a team's log in sequence order, byte for byte as received. */
    public synchronized List<SignedLogEntry> logEntries(String teamId) {
        return read("reading log entries", () -> content.log(teamId));
    }

    public synchronized Optional<VaultHeadPin> vaultHead(String vaultId) {
        return read("reading a vault head", () -> trust.vaultHead(vaultId));
    }

    public synchronized List<CachedVault> vaults() {
        return read("reading vaults", content::vaults);
    }

    /** The vault's sync cursor; 0 (sync from the start) for a vault never synced. */
    public synchronized long cursor(String vaultId) {
        return read("reading a cursor", () -> content.cursor(vaultId));
    }

    /** This account's wraps of the vault's keys, by ascending key version. */
    public synchronized List<KeyWrap> keyWraps(String vaultId) {
        return read("reading key wraps", () -> content.keyWraps(vaultId));
    }

    /** The latest cached revision of an item (possibly a tombstone). */
    public synchronized Optional<CachedItem> item(String vaultId, String itemId) {
        return read("reading an item", () -> content.item(vaultId, itemId));
    }

    /** The latest revision of every item of a vault, tombstones included, by item id. */
    public synchronized List<CachedItem> items(String vaultId) {
        return read("listing items", () -> content.items(vaultId));
    }

    /** Older revisions of an item, oldest first (the latest is {@link #item}). */
    public synchronized List<CachedItem> history(String vaultId, String itemId) {
        return read("reading history", () -> content.history(vaultId, itemId));
    }

    /**
     * Older revisions of every item of a vault, by item id, each oldest first (one read where
     * {@link #history} per item would be one query per item).
     */
    public synchronized Map<String, List<CachedItem>> histories(String vaultId) {
        List<CachedItem> all = read("reading history", () -> content.vaultHistory(vaultId));
        Map<String, List<CachedItem>> out = new HashMap<>();
        for (CachedItem i : all) {
            out.computeIfAbsent(i.itemId(), k -> new ArrayList<>()).add(i);
        }
        return out;
    }

    /**
     * Queues an offline write durably.
     *
     * @param baseRevision the revision the edit started from, 0 for a new item
     * @param payload the prepared write, ciphertext only
     */
    public synchronized PendingWrite enqueue(
            String vaultId, String itemId, long baseRevision, byte[] payload) {
        Objects.requireNonNull(vaultId, "vaultId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(payload, "payload");
        if (baseRevision < 0) {
            throw new IllegalArgumentException("baseRevision must not be negative");
        }
        return transaction(
                "queueing a write",
                () -> outbox.enqueue(vaultId, itemId, baseRevision, payload, Instant.now()),
                w -> {});
    }

    /** Queued writes, oldest first: the order to push them in. */
    public synchronized List<PendingWrite> outbox() {
        return read("reading the outbox", outbox::list);
    }

    /** Records that a push of a queued write has started (or is back to waiting). */
    public synchronized void setWriteState(long writeId, WriteState state) {
        Objects.requireNonNull(state, "state");
        transaction(
                "updating a queued write",
                () -> {
                    outbox.setState(writeId, state);
                    return null;
                },
                x -> {});
    }

    /** Conflicts waiting for the user, oldest first. */
    public synchronized List<Conflict> conflicts() {
        return read("reading conflicts", outbox::conflicts);
    }

    /**
     * Resolves a conflict with the user's merged version: in one transaction the conflict is
     * removed and the merge is queued on top of the server's revision.
     */
    public synchronized PendingWrite resolveConflict(long conflictId, byte[] resolvedPayload) {
        Objects.requireNonNull(resolvedPayload, "resolvedPayload");
        return transaction(
                "resolving a conflict",
                () -> {
                    Conflict c =
                            outbox.conflict(conflictId)
                                    .orElseThrow(
                                            () ->
                                                    new IllegalArgumentException(
                                                            "unknown conflict " + conflictId));
                    outbox.deleteConflict(conflictId);
                    return outbox.enqueue(
                            c.vaultId(),
                            c.itemId(),
                            c.server().revisionNumber(),
                            resolvedPayload,
                            Instant.now());
                },
                w -> {});
    }

    /** Drops the local side of a conflict: the server's version stands. */
    public synchronized void discardConflict(long conflictId) {
        transaction(
                "discarding a conflict",
                () -> {
                    outbox.deleteConflict(conflictId);
                    return null;
                },
                x -> {});
    }

    /** Closes the file and wipes this cache's copy of the key. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        key.close();
        try {
            conn.close();
        } catch (SQLException e) {
            throw new CacheException("cache: closing " + file.getFileName() + " failed", e);
        }
    }

    private <T> T read(String doing, Work<T> work) {
        ensureOpen();
        try {
            return work.run();
        } catch (SQLException e) {
            throw Sql.failure(doing, e, doing);
        } catch (IOException e) {
            throw new CacheException("cache: " + doing + " failed", e);
        }
    }

    /** A PRAGMA's current value on this connection, for tests of the connection settings. */
    synchronized String pragma(String name) {
        return read(
                "reading a setting",
                () -> {
                    try (var st = conn.createStatement();
                            var rs = st.executeQuery("PRAGMA " + name)) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                });
    }

    /**
     * Runs {@code work} in one IMMEDIATE transaction; commits, then hands the result to {@code
     * onCommit}. Any exception rolls everything back.
     */
    private <T> T transaction(String doing, Work<T> work, java.util.function.Consumer<T> onCommit) {
        ensureOpen();
        try {
            conn.setAutoCommit(false);
            T result;
            try {
                result = work.run();
                conn.commit();
            } catch (SQLException | IOException | RuntimeException | Error e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
            onCommit.accept(result);
            return result;
        } catch (SQLException e) {
            throw Sql.failure(doing, e, doing);
        } catch (IOException e) {
            throw new CacheException("cache: " + doing + " failed", e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("cache is closed");
        }
    }

    private static void closeQuietly(Connection conn) {
        if (conn != null) {
            try {
                conn.close();
            } catch (SQLException ignored) {
                // already failing
            }
        }
    }
}
