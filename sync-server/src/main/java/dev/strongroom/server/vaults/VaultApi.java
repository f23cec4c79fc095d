package dev.strongroom.server.vaults;

import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.wire.ChangesResponse;
import dev.strongroom.model.wire.CreateItemRequest;
import dev.strongroom.model.wire.ItemHistoryResponse;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.RestoreItemRequest;
import dev.strongroom.model.wire.UpdateItemRequest;
import dev.strongroom.model.wire.UpdateVaultMetadataRequest;
import dev.strongroom.model.wire.VaultHeadRequest;
import dev.strongroom.model.wire.VaultHeadResponse;
import dev.strongroom.model.wire.VaultKeyWrap;
import dev.strongroom.model.wire.VaultKeysResponse;
import dev.strongroom.model.wire.VaultListResponse;
import dev.strongroom.model.wire.VaultSummary;
import dev.strongroom.server.audit.AuditEvent;
import dev.strongroom.server.audit.AuditLog;
import dev.strongroom.server.config.ServerConfig;
import dev.strongroom.server.db.Database;
import dev.strongroom.server.db.DbErrors;
import dev.strongroom.server.db.Tx;
import dev.strongroom.server.http.BadRequestException;
import dev.strongroom.server.http.Call;
import dev.strongroom.server.http.Check;
import dev.strongroom.server.http.ConflictException;
import dev.strongroom.server.http.NotFoundException;
import dev.strongroom.server.http.Principal;
import dev.strongroom.server.http.Routes;
import dev.strongroom.server.http.Routes.Access;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Vaults and items: opaque ciphertext with revisions. Access comes only from the vault_access
 * projection of verified team logs; a vault or item the caller has no grant on answers 404 as if it
 * did not exist, a read-only grant answers 403 on writes. Writes are check-and-set on the item's
 * revision and take the vault's next change sequence, the sync cursor.
 */
public final class VaultApi {

    static final int MAX_METADATA = 64 * 1024;
    static final int MAX_WRAP = 4096;
    static final int SIGNATURE = 64;
    static final int MAX_CHANGES_PAGE = 1000;

    private final Database db;
    private final AuditLog audit;
    private final ServerConfig config;

    public VaultApi(Database db, AuditLog audit, ServerConfig config) {
        this.db = db;
        this.audit = audit;
        this.config = config;
    }

    public void register(Routes routes) {
        int itemBody = config.maxItemBytes() / 3 * 4 + 64 * 1024;
        routes.get("/api/v1/vaults", Access.ACCOUNT_OR_MACHINE, this::list)
                .get("/api/v1/vaults/{vaultId}", Access.ACCOUNT_OR_MACHINE, this::get)
                .get("/api/v1/vaults/{vaultId}/keys", Access.ACCOUNT_OR_MACHINE, this::keys)
                .put("/api/v1/vaults/{vaultId}/metadata", Access.AUTHENTICATED, this::metadata)
                .post(
                        "/api/v1/vaults/{vaultId}/items",
                        Access.ACCOUNT_OR_MACHINE,
                        itemBody,
                        this::create)
                .get(
                        "/api/v1/vaults/{vaultId}/items/{itemId}",
                        Access.ACCOUNT_OR_MACHINE,
                        this::item)
                .put(
                        "/api/v1/vaults/{vaultId}/items/{itemId}",
                        Access.ACCOUNT_OR_MACHINE,
                        itemBody,
                        this::update)
                .get(
                        "/api/v1/vaults/{vaultId}/items/{itemId}/history",
                        Access.ACCOUNT_OR_MACHINE,
                        this::history)
                .post(
                        "/api/v1/vaults/{vaultId}/items/{itemId}/restore",
                        Access.AUTHENTICATED,
                        this::restore)
                .get("/api/v1/vaults/{vaultId}/head", Access.ACCOUNT_OR_MACHINE, this::head)
                .put("/api/v1/vaults/{vaultId}/head", Access.ACCOUNT_OR_MACHINE, this::putHead)
                .get("/api/v1/vaults/{vaultId}/changes", Access.ACCOUNT_OR_MACHINE, this::changes);
    }

    private void list(Call call) {
        Principal p = call.principal();
        List<VaultSummary> vaults =
                db.read(
                        tx ->
                                tx.query(
                                        "SELECT "
                                                + VaultStore.VAULT_COLUMNS
                                                + ", a.permission FROM vaults v JOIN vault_access a"
                                                + " ON a.vault_id = v.id WHERE a.principal_id = ?"
                                                + " AND v.deleted_at IS NULL ORDER BY v.created_at,"
                                                + " v.id",
                                        rs ->
                                                new VaultStore.Access(
                                                                VaultStore.map(rs), rs.getString(7))
                                                        .summary(),
                                        p.id()));
        call.ok(new VaultListResponse(vaults));
    }

    private void get(Call call) {
        Principal p = call.principal();
        UUID vaultId = call.pathId("vaultId");
        call.ok(db.read(tx -> VaultStore.access(tx, vaultId, p.id())).summary());
    }

    private void keys(Call call) {
        Principal p = call.principal();
        UUID vaultId = call.pathId("vaultId");
        UUID[] team = new UUID[1];
        List<VaultKeyWrap> wraps =
                db.read(
                        tx -> {
                            team[0] = VaultStore.access(tx, vaultId, p.id()).vault().teamId();
                            return tx.query(
                                    "SELECT key_version, wrap FROM vault_key_wraps WHERE vault_id"
                                            + " = ? AND recipient_id = ? ORDER BY key_version",
                                    rs -> new VaultKeyWrap(rs.getInt(1), rs.getBytes(2)),
                                    vaultId,
                                    p.id().toString());
                        });
        audit.recordRead(
                AuditEvent.of("vault.keys_read", call.actor())
                        .team(team[0].toString())
                        .target("vault", vaultId.toString())
                        .detail("versions=" + wraps.size())
                        .build());
        call.ok(new VaultKeysResponse(vaultId, wraps));
    }

    private void metadata(Call call) {
        Principal p = call.principal();
        UUID vaultId = call.pathId("vaultId");
        UpdateVaultMetadataRequest r = call.body(UpdateVaultMetadataRequest.class);
        Check.blob(r.metadata(), "metadata", 1, MAX_METADATA);
        VaultSummary updated =
                db.write(
                        tx -> {
                            VaultStore.Access a =
                                    VaultStore.access(tx, vaultId, p.id()).requireWrite();
                            long seq = VaultStore.nextChangeSeq(tx, vaultId);
                            int n =
                                    tx.update(
                                            "UPDATE vaults SET metadata = ?, metadata_revision ="
                                                    + " metadata_revision + 1 WHERE id = ? AND"
                                                    + " metadata_revision = ?",
                                            r.metadata(),
                                            vaultId,
                                            r.expectedRevision());
                            if (n != 1) {
                                throw ConflictException.revision(
                                        "vault metadata changed meanwhile",
                                        a.vault().metadataRevision());
                            }
                            tx.audit(
                                    AuditEvent.of("vault.metadata_write", call.actor())
                                            .team(a.vault().teamId().toString())
                                            .target("vault", vaultId.toString())
                                            .build());
                            return VaultStore.access(tx, vaultId, p.id()).summary();
                        });
        call.ok(updated);
    }

    private void create(Call call) {
        Principal p = call.principal();
        UUID vaultId = call.pathId("vaultId");
        CreateItemRequest r = call.body(CreateItemRequest.class);
        VaultStore.Revision rev =
                checkRevision(
                        r.keyVersion(),
                        r.itemKeyWrap(),
                        r.content(),
                        false,
                        r.signature(),
                        r.logSeq(),
                        p);
        ItemResponse item =
                write(
                        call,
                        vaultId,
                        r.itemId(),
                        "item.create",
                        tx ->
                                VaultStore.writeRevision(
                                        tx,
                                        vaultId,
                                        r.itemId(),
                                        0,
                                        rev,
                                        config.historyDepth(),
                                        now()));
        call.created(item);
    }

    private void update(Call call) {
        Principal p = call.principal();
        UUID vaultId = call.pathId("vaultId");
        UUID itemId = call.pathId("itemId");
        UpdateItemRequest r = call.body(UpdateItemRequest.class);
        long expected = positive(r.expectedRevision(), "expectedRevision");
        VaultStore.Revision rev =
                checkRevision(
                        r.keyVersion(),
                        r.itemKeyWrap(),
                        r.content(),
                        r.deleted(),
                        r.signature(),
                        r.logSeq(),
                        p);
        call.ok(
                write(
                        call,
                        vaultId,
                        itemId,
                        r.deleted() ? "item.delete" : "item.update",
                        tx -> {
                            requireItem(tx, vaultId, itemId);
                            return VaultStore.writeRevision(
                                    tx,
                                    vaultId,
                                    itemId,
                                    expected,
                                    rev,
                                    config.historyDepth(),
                                    now());
                        }));
    }

    private void restore(Call call) {
        Principal p = call.principal();
        UUID vaultId = call.pathId("vaultId");
        UUID itemId = call.pathId("itemId");
        RestoreItemRequest r = call.body(RestoreItemRequest.class);
        long expected = positive(r.expectedRevision(), "expectedRevision");
        long from = positive(r.fromRevision(), "fromRevision");
        Check.blob(r.signature(), "signature", SIGNATURE, SIGNATURE);
        long logSeq = nonNegative(r.logSeq(), "logSeq");
        call.ok(
                write(
                        call,
                        vaultId,
                        itemId,
                        "item.restore",
                        tx -> {
                            requireItem(tx, vaultId, itemId);
                            record Old(
                                    int keyVersion, byte[] wrap, byte[] content, boolean deleted) {}
                            Old old =
                                    tx.queryOne(
                                                    "SELECT key_version, item_key_wrap, content,"
                                                            + " deleted FROM item_revisions WHERE"
                                                            + " item_id = ? AND revision = ?",
                                                    rs ->
                                                            new Old(
                                                                    rs.getInt(1),
                                                                    rs.getBytes(2),
                                                                    rs.getBytes(3),
                                                                    rs.getInt(4) != 0),
                                                    itemId,
                                                    from)
                                            .orElseThrow(
                                                    () ->
                                                            new NotFoundException(
                                                                    "revision "
                                                                            + from
                                                                            + " is not in the history"));
                            if (old.deleted()) {
                                throw new BadRequestException("cannot restore a tombstone");
                            }
                            return VaultStore.writeRevision(
                                    tx,
                                    vaultId,
                                    itemId,
                                    expected,
                                    new VaultStore.Revision(
                                            old.keyVersion(),
                                            old.wrap(),
                                            old.content(),
                                            r.signature(),
                                            p.id(),
                                            logSeq,
                                            false),
                                    config.historyDepth(),
                                    now());
                        }));
    }

    /** Shared write path: access, key version and log position checks, audit, 409 mapping. */
    private ItemResponse write(
            Call call, UUID vaultId, UUID itemId, String action, ItemWrite work) {
        Principal p = call.principal();
        try {
            return db.write(
                    tx -> {
                        VaultStore.Access a = VaultStore.access(tx, vaultId, p.id()).requireWrite();
                        VaultStore.Item item = work.write(tx);
                        if (item.keyVersion() != a.vault().keyVersion()
                                && !"item.restore".equals(action)) {
                            throw new ConflictException(
                                    ErrorCode.CONFLICT,
                                    "the vault key is at version "
                                            + a.vault().keyVersion()
                                            + "; wrap the item key under it");
                        }
                        long head =
                                tx.queryLong(
                                        "SELECT head_seq FROM teams WHERE id = ?",
                                        a.vault().teamId());
                        if (item.logSeq() > head) {
                            throw new BadRequestException("logSeq is beyond the team's log");
                        }
                        tx.audit(
                                AuditEvent.of(action, call.actor())
                                        .team(a.vault().teamId().toString())
                                        .target("item", itemId.toString())
                                        .detail("vault=" + vaultId + " revision=" + item.revision())
                                        .build());
                        return item.response();
                    });
        } catch (RuntimeException e) {
            if (DbErrors.isUniqueViolation(e)) {
                throw new ConflictException(
                        ErrorCode.ALREADY_EXISTS, "an item with this id exists");
            }
            throw e;
        }
    }

    @FunctionalInterface
    private interface ItemWrite {
        VaultStore.Item write(Tx tx) throws SQLException;
    }

    private static void requireItem(Tx tx, UUID vaultId, UUID itemId) throws SQLException {
        if (VaultStore.item(tx, vaultId, itemId).isEmpty()) {
            throw new NotFoundException("no such item");
        }
    }

    private void item(Call call) {
        Principal p = call.principal();
        UUID vaultId = call.pathId("vaultId");
        UUID itemId = call.pathId("itemId");
        GrantedItem granted = db.readStatement(tx -> GrantedItem.read(tx, vaultId, itemId, p.id()));
        ItemResponse item = granted.item().response();
        audit.recordRead(
                AuditEvent.of("item.read", call.actor())
                        .team(granted.teamId().toString())
                        .target("item", itemId.toString())
                        .detail("vault=" + vaultId + " revision=" + item.revision())
                        .build());
        call.ok(item);
    }

    private void history(Call call) {
        Principal p = call.principal();
        UUID vaultId = call.pathId("vaultId");
        UUID[] team = new UUID[1];
        UUID itemId = call.pathId("itemId");
        Long limit = call.queryLong("limit");
        int n =
                (int)
                        Math.min(
                                config.historyDepth(),
                                limit == null ? config.historyDepth() : Math.max(1, limit));
        List<ItemResponse> revisions =
                db.read(
                        tx -> {
                            team[0] = VaultStore.access(tx, vaultId, p.id()).vault().teamId();
                            requireItem(tx, vaultId, itemId);
                            return tx.query(
                                    "SELECT item_id, vault_id, revision, key_version,"
                                            + " item_key_wrap, content, deleted, author_id,"
                                            + " log_seq, signature, created_at FROM"
                                            + " item_revisions WHERE item_id = ? AND vault_id = ?"
                                            + " ORDER BY revision DESC LIMIT ?",
                                    rs ->
                                            new ItemResponse(
                                                    UUID.fromString(rs.getString(1)),
                                                    UUID.fromString(rs.getString(2)),
                                                    rs.getLong(3),
                                                    rs.getInt(4),
                                                    rs.getBytes(5),
                                                    rs.getBytes(6),
                                                    rs.getInt(7) != 0,
                                                    UUID.fromString(rs.getString(8)),
                                                    rs.getLong(9),
                                                    rs.getBytes(10),
                                                    null,
                                                    rs.getLong(11)),
                                    itemId,
                                    vaultId,
                                    n);
                        });
        audit.recordRead(
                AuditEvent.of("item.history_read", call.actor())
                        .team(team[0].toString())
                        .target("item", itemId.toString())
                        .detail("vault=" + vaultId + " revisions=" + revisions.size())
                        .build());
        call.ok(new ItemHistoryResponse(revisions));
    }

    private void head(Call call) {
        Principal p = call.principal();
        UUID vaultId = call.pathId("vaultId");
        call.ok(
                db.read(
                        tx -> {
                            VaultStore.access(tx, vaultId, p.id());
                            return readHead(tx, vaultId, -1)
                                    .orElseThrow(() -> new NotFoundException("no signed head yet"));
                        }));
    }

    private void putHead(Call call) {
        Principal p = call.principal();
        UUID vaultId = call.pathId("vaultId");
        VaultHeadRequest r = call.body(VaultHeadRequest.class);
        long counter = positive(r.counter(), "counter");
        Check.exactly(r.itemsDigest(), "itemsDigest", 32);
        Check.blob(r.signature(), "signature", SIGNATURE, SIGNATURE);
        if (r.itemCount() < 0 || r.keyVersion() < 1) {
            throw new BadRequestException("itemCount and keyVersion must be valid");
        }
        long logSeq = nonNegative(r.logSeq(), "logSeq");
        VaultHeadResponse stored =
                db.write(
                        tx -> {
                            VaultStore.Access a =
                                    VaultStore.access(tx, vaultId, p.id()).requireWrite();
                            long seq = VaultStore.nextChangeSeq(tx, vaultId);
                            long current =
                                    tx.queryOne(
                                                    "SELECT head_counter FROM vault_heads WHERE"
                                                            + " vault_id = ?",
                                                    rs -> rs.getLong(1),
                                                    vaultId)
                                            .orElse(0L);
                            if (counter <= current) {
                                throw ConflictException.revision(
                                        "the vault head is already at " + current, current);
                            }
                            tx.update(
                                    "INSERT INTO vault_heads (vault_id, head_counter, key_version,"
                                            + " items_digest, item_count, author_id, log_seq,"
                                            + " signature, change_seq, updated_at) VALUES (?, ?, ?,"
                                            + " ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (vault_id) DO"
                                            + " UPDATE SET head_counter = excluded.head_counter,"
                                            + " key_version = excluded.key_version, items_digest ="
                                            + " excluded.items_digest, item_count ="
                                            + " excluded.item_count, author_id ="
                                            + " excluded.author_id, log_seq = excluded.log_seq,"
                                            + " signature = excluded.signature, change_seq ="
                                            + " excluded.change_seq, updated_at ="
                                            + " excluded.updated_at",
                                    vaultId,
                                    counter,
                                    r.keyVersion(),
                                    r.itemsDigest(),
                                    r.itemCount(),
                                    p.id(),
                                    logSeq,
                                    r.signature(),
                                    seq,
                                    now());
                            tx.audit(
                                    AuditEvent.of("vault.head_write", call.actor())
                                            .team(a.vault().teamId().toString())
                                            .target("vault", vaultId.toString())
                                            .detail("counter=" + counter)
                                            .build());
                            return readHead(tx, vaultId, -1).orElseThrow();
                        });
        call.ok(stored);
    }

    /** The vault's signed head if it changed after {@code changedAfter} (-1: any head). */
    public static java.util.Optional<VaultHeadResponse> readHead(
            Tx tx, UUID vaultId, long changedAfter) throws SQLException {
        return tx.queryOne(
                "SELECT head_counter, key_version, items_digest, item_count, author_id, log_seq,"
                        + " signature, change_seq FROM vault_heads WHERE vault_id = ? AND"
                        + " change_seq > ?",
                rs ->
                        new VaultHeadResponse(
                                vaultId,
                                rs.getLong(1),
                                rs.getInt(2),
                                rs.getBytes(3),
                                rs.getInt(4),
                                UUID.fromString(rs.getString(5)),
                                rs.getLong(6),
                                rs.getBytes(7),
                                rs.getLong(8)),
                vaultId,
                changedAfter);
    }

    /**
     * Everything after cursor {@code since}, in pages of at most {@code limit} items so that a
     * vault of any size syncs in bounded memory. Read in one snapshot: the new cursor is the last
     * item's sequence when the page is full, else the vault's current sequence.
     */
    private void changes(Call call) {
        Principal p = call.principal();
        UUID vaultId = call.pathId("vaultId");
        Long sinceParam = call.queryLong("since");
        long since = sinceParam == null ? 0 : sinceParam;
        Long limitParam = call.queryLong("limit");
        int limit =
                (int)
                        Math.max(
                                1,
                                Math.min(
                                        MAX_CHANGES_PAGE,
                                        limitParam == null ? MAX_CHANGES_PAGE : limitParam));
        Long logAfter = call.queryLong("logAfter");
        ChangesResponse response =
                db.read(
                        tx -> {
                            VaultStore.Access a = VaultStore.access(tx, vaultId, p.id());
                            List<ItemResponse> items =
                                    tx.query(
                                            "SELECT "
                                                    + VaultStore.ITEM_COLUMNS
                                                    + " FROM items WHERE vault_id = ? AND"
                                                    + " change_seq > ? ORDER BY change_seq LIMIT ?",
                                            rs -> VaultStore.mapItem(rs).response(),
                                            vaultId,
                                            since,
                                            limit + 1);
                            boolean more = items.size() > limit;
                            if (more) {
                                items = items.subList(0, limit);
                            }
                            long cursor =
                                    more
                                            ? items.get(items.size() - 1).changeSeq()
                                            : Math.max(since, a.vault().changeSeq());
                            List<VaultKeyWrap> wraps =
                                    tx.query(
                                            "SELECT key_version, wrap FROM vault_key_wraps WHERE"
                                                    + " vault_id = ? AND recipient_id = ? AND"
                                                    + " change_seq > ? AND change_seq <= ? ORDER"
                                                    + " BY key_version",
                                            rs -> new VaultKeyWrap(rs.getInt(1), rs.getBytes(2)),
                                            vaultId,
                                            p.id().toString(),
                                            since,
                                            cursor);
                            VaultHeadResponse head =
                                    readHead(tx, vaultId, since)
                                            .filter(h -> h.changeSeq() <= cursor)
                                            .orElse(null);
                            var log =
                                    logAfter == null
                                            ? List.<dev.strongroom.model.log.SignedLogEntry>of()
                                            : tx.query(
                                                    "SELECT body, signature FROM"
                                                            + " team_log_entries WHERE team_id = ?"
                                                            + " AND seq > ? ORDER BY seq LIMIT 500",
                                                    rs ->
                                                            new dev.strongroom.model.log
                                                                    .SignedLogEntry(
                                                                    dev.strongroom.model.wire
                                                                            .Base64Url.encode(
                                                                            rs.getBytes(1)),
                                                                    dev.strongroom.model.wire
                                                                            .Base64Url.encode(
                                                                            rs.getBytes(2))),
                                                    a.vault().teamId(),
                                                    logAfter);
                            return new ChangesResponse(
                                    vaultId, cursor, more, items, wraps, head, a.summary(), log);
                        });
        audit.recordRead(
                AuditEvent.of("vault.sync", call.actor())
                        .team(response.vault().teamId().toString())
                        .target("vault", vaultId.toString())
                        .detail("since=" + since + " items=" + response.items().size())
                        .build());
        call.ok(response);
    }

    private VaultStore.Revision checkRevision(
            int keyVersion,
            byte[] wrap,
            byte[] content,
            boolean deleted,
            byte[] signature,
            Long logSeq,
            Principal p) {
        if (keyVersion < 1) {
            throw new BadRequestException("keyVersion must be at least 1");
        }
        Check.blob(signature, "signature", SIGNATURE, SIGNATURE);
        if (deleted) {
            if (wrap.length != 0 || content.length != 0) {
                throw new BadRequestException("a tombstone has empty itemKeyWrap and content");
            }
        } else {
            Check.blob(wrap, "itemKeyWrap", 1, MAX_WRAP);
            Check.blob(content, "content", 1, config.maxItemBytes());
        }
        return new VaultStore.Revision(
                keyVersion,
                wrap,
                content,
                signature,
                p.id(),
                nonNegative(logSeq, "logSeq"),
                deleted);
    }

    private static long positive(long v, String field) {
        if (v < 1) {
            throw new BadRequestException(field + " must be at least 1");
        }
        return v;
    }

    private static long nonNegative(long v, String field) {
        if (v < 0) {
            throw new BadRequestException(field + " must not be negative");
        }
        return v;
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
