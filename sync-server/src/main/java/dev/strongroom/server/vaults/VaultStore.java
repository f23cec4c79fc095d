package dev.strongroom.server.vaults;

import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.VaultSummary;
import dev.strongroom.server.db.Tx;
import dev.strongroom.server.http.ConflictException;
import dev.strongroom.server.http.ForbiddenException;
import dev.strongroom.server.http.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Row-level operations on vaults and items shared by the vault API and log appends (vault creation,
 * grants, key rotation). Every write to a vault takes the next value of the vault's change sequence
 * with an UPDATE on the vault row, which also locks it until commit: sequence values are therefore
 * handed out in commit order and a sync cursor never skips a row.
 */
public final class VaultStore {

    private VaultStore() {}

    /** A vault row. */
    public record Vault(
            UUID id,
            UUID teamId,
            int keyVersion,
            long changeSeq,
            byte[] metadata,
            long metadataRevision) {}

    static Vault map(ResultSet rs) throws SQLException {
        return new Vault(
                UUID.fromString(rs.getString(1)),
                UUID.fromString(rs.getString(2)),
                rs.getInt(3),
                rs.getLong(4),
                rs.getBytes(5),
                rs.getLong(6));
    }

    static final String VAULT_COLUMNS =
            "v.id, v.team_id, v.key_version, v.change_seq, v.metadata, v.metadata_revision";

    /**
     * The vault and the caller's permission on it; a vault the caller has no grant on answers 404
     * exactly like one that does not exist.
     */
    public static Access access(Tx tx, UUID vaultId, UUID principal) throws SQLException {
        return tx.queryOne(
                        "SELECT "
                                + VAULT_COLUMNS
                                + ", a.permission FROM vaults v JOIN vault_access a ON a.vault_id ="
                                + " v.id WHERE v.id = ? AND a.principal_id = ? AND v.deleted_at IS"
                                + " NULL",
                        rs -> new Access(map(rs), rs.getString(7)),
                        vaultId,
                        principal)
                .orElseThrow(() -> new NotFoundException("no such vault"));
    }

    /** A vault and what the caller may do with it. */
    public record Access(Vault vault, String permission) {
        public Access requireWrite() {
            if (!"write".equals(permission)) {
                throw new ForbiddenException("read-only access to this vault");
            }
            return this;
        }

        public VaultSummary summary() {
            return new VaultSummary(
                    vault.id(),
                    vault.teamId(),
                    vault.keyVersion(),
                    permission,
                    vault.changeSeq(),
                    vault.metadata(),
                    vault.metadataRevision());
        }
    }

    /** Takes the vault's next change sequence value (and locks the vault row until commit). */
    public static long nextChangeSeq(Tx tx, UUID vaultId) throws SQLException {
        return tx.queryOne(
                        "UPDATE vaults SET change_seq = change_seq + 1 WHERE id = ? RETURNING"
                                + " change_seq",
                        rs -> rs.getLong(1),
                        vaultId)
                .orElseThrow(() -> new NotFoundException("no such vault"));
    }

    /** Creates a vault row at key version 1. */
    public static void createVault(
            Tx tx, UUID vaultId, UUID teamId, UUID author, byte[] metadata, long now)
            throws SQLException {
        if (tx.queryOne("SELECT 1 FROM vaults WHERE id = ?", rs -> 1, vaultId).isPresent()) {
            throw new ConflictException(ErrorCode.ALREADY_EXISTS, "a vault with this id exists");
        }
        tx.update(
                "INSERT INTO vaults (id, team_id, created_by, created_at, metadata,"
                        + " metadata_revision, key_version, change_seq) VALUES (?, ?, ?, ?, ?, 1,"
                        + " 1, 0)",
                vaultId,
                teamId,
                author,
                now,
                metadata);
    }

    /** Stores (or replaces) one recipient's wrap of one key version. */
    public static void putWrap(
            Tx tx,
            UUID vaultId,
            int keyVersion,
            String recipient,
            String kind,
            byte[] wrap,
            long now)
            throws SQLException {
        long seq = nextChangeSeq(tx, vaultId);
        tx.update(
                "INSERT INTO vault_key_wraps (vault_id, key_version, recipient_id, recipient_kind,"
                        + " wrap, change_seq, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT"
                        + " (vault_id, key_version, recipient_id) DO UPDATE SET wrap ="
                        + " excluded.wrap, change_seq = excluded.change_seq, created_at ="
                        + " excluded.created_at",
                vaultId,
                keyVersion,
                recipient,
                kind,
                wrap,
                seq,
                now);
    }

    /**
     * Drops a deleted vault's ciphertext (items, history, wraps, signed head, grants) and its
     * encrypted metadata. The row stays as a tombstone with {@code deleted_at} set, so every later
     * request for the vault answers 404 and the id can never be created again.
     */
    public static void dropVault(Tx tx, UUID vaultId, long now) throws SQLException {
        for (String table :
                new String[] {
                    "item_revisions", "items", "vault_key_wraps", "vault_heads", "vault_access"
                }) {
            tx.update("DELETE FROM " + table + " WHERE vault_id = ?", vaultId);
        }
        tx.update(
                "UPDATE vaults SET deleted_at = ?, metadata = ? WHERE id = ? AND deleted_at IS"
                        + " NULL",
                now,
                new byte[0],
                vaultId);
    }

    public static void setKeyVersion(Tx tx, UUID vaultId, int keyVersion) throws SQLException {
        tx.update("UPDATE vaults SET key_version = ? WHERE id = ?", keyVersion, vaultId);
    }

    /** An item's current row. */
    public record Item(
            UUID id,
            UUID vaultId,
            long revision,
            long changeSeq,
            int keyVersion,
            byte[] itemKeyWrap,
            byte[] content,
            byte[] signature,
            UUID authorId,
            long logSeq,
            boolean deleted,
            long updatedAt) {
        public ItemResponse response() {
            return new ItemResponse(
                    id,
                    vaultId,
                    revision,
                    keyVersion,
                    itemKeyWrap,
                    content,
                    deleted,
                    authorId,
                    logSeq,
                    signature,
                    changeSeq,
                    updatedAt);
        }
    }

    /** Values in ITEM_COLUMNS order. */
    private static Object[] row(Item i) {
        return new Object[] {
            i.id(),
            i.vaultId(),
            i.revision(),
            i.changeSeq(),
            i.keyVersion(),
            i.itemKeyWrap(),
            i.content(),
            i.signature(),
            i.authorId(),
            i.logSeq(),
            i.deleted() ? 1 : 0,
            i.updatedAt()
        };
    }

    /** An item_revisions row: the item's columns without change_seq. */
    private static Object[] historyRow(Item i) {
        Object[] r = row(i);
        return new Object[] {r[0], r[1], r[2], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11]};
    }

    private static Object[] concat(Object[] head, Object... tail) {
        Object[] out = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /**
     * Current item revisions (tombstones included) with a change sequence above {@code since}, in
     * change order, at most {@code limit}; for readers without a grant that another check admits (a
     * released break-glass request).
     */
    public static List<ItemResponse> currentItems(Tx tx, UUID vaultId, long since, int limit)
            throws SQLException {
        return tx.query(
                "SELECT "
                        + ITEM_COLUMNS
                        + " FROM items WHERE vault_id = ? AND change_seq > ? ORDER BY change_seq"
                        + " LIMIT ?",
                rs -> mapItem(rs).response(),
                vaultId,
                since,
                limit);
    }

    static final String ITEM_COLUMNS =
            "id, vault_id, revision, change_seq, key_version, item_key_wrap, content, signature,"
                    + " author_id, log_seq, deleted, updated_at";

    static Item mapItem(ResultSet rs) throws SQLException {
        return new Item(
                UUID.fromString(rs.getString(1)),
                UUID.fromString(rs.getString(2)),
                rs.getLong(3),
                rs.getLong(4),
                rs.getInt(5),
                rs.getBytes(6),
                rs.getBytes(7),
                rs.getBytes(8),
                UUID.fromString(rs.getString(9)),
                rs.getLong(10),
                rs.getInt(11) != 0,
                rs.getLong(12));
    }

    public static Optional<Item> item(Tx tx, UUID vaultId, UUID itemId) throws SQLException {
        return tx.queryOne(
                "SELECT " + ITEM_COLUMNS + " FROM items WHERE id = ? AND vault_id = ?",
                VaultStore::mapItem,
                itemId,
                vaultId);
    }

    /** A new revision to store. */
    public record Revision(
            int keyVersion,
            byte[] itemKeyWrap,
            byte[] content,
            byte[] signature,
            UUID authorId,
            long logSeq,
            boolean deleted) {}

    /**
     * Writes revision {@code expected + 1} of an item if it is still at {@code expected} (0 for a
     * new item); otherwise a 409 carrying the current revision. Keeps {@code historyDepth}
     * revisions.
     */
    public static Item writeRevision(
            Tx tx, UUID vaultId, UUID itemId, long expected, Revision r, int historyDepth, long now)
            throws SQLException {
        long seq = nextChangeSeq(tx, vaultId);
        long revision = expected + 1;
        Item item =
                new Item(
                        itemId,
                        vaultId,
                        revision,
                        seq,
                        r.keyVersion(),
                        r.itemKeyWrap(),
                        r.content(),
                        r.signature(),
                        r.authorId(),
                        r.logSeq(),
                        r.deleted(),
                        now);
        if (expected == 0) {
            Optional<Long> existing =
                    tx.queryOne(
                            "SELECT revision FROM items WHERE id = ?" + tx.forUpdate(),
                            rs -> rs.getLong(1),
                            itemId);
            if (existing.isPresent()) {
                throw new ConflictException(
                        ErrorCode.ALREADY_EXISTS, "an item with this id exists");
            }
            tx.update(
                    "INSERT INTO items ("
                            + ITEM_COLUMNS
                            + ", created_at) VALUES ("
                            + marks(13)
                            + ")",
                    concat(row(item), now));
        } else {
            // the same column order as ITEM_COLUMNS, then the check-and-set condition
            int updated =
                    tx.update(
                            "UPDATE items SET id = ?, vault_id = ?, revision = ?, change_seq = ?,"
                                    + " key_version = ?, item_key_wrap = ?, content = ?, signature"
                                    + " = ?, author_id = ?, log_seq = ?, deleted = ?, updated_at ="
                                    + " ? WHERE id = ? AND vault_id = ? AND revision = ?",
                            concat(row(item), itemId, vaultId, expected));
            if (updated != 1) {
                long current =
                        tx.queryOne(
                                        "SELECT revision FROM items WHERE id = ? AND vault_id = ?",
                                        rs -> rs.getLong(1),
                                        itemId,
                                        vaultId)
                                .orElseThrow(() -> new NotFoundException("no such item"));
                throw ConflictException.revision(
                        "item is at revision " + current + ", not " + expected, current);
            }
        }
        // history rows hold the same columns as items, the sync position aside
        tx.update(
                "INSERT INTO item_revisions (item_id, vault_id, revision, key_version,"
                        + " item_key_wrap, content, signature, author_id, log_seq, deleted,"
                        + " created_at) VALUES ("
                        + marks(11)
                        + ")",
                historyRow(item));
        tx.update(
                "DELETE FROM item_revisions WHERE item_id = ? AND revision <= ?",
                itemId,
                revision - historyDepth);
        return item;
    }
}
