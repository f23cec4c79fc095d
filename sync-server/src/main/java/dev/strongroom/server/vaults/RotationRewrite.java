package dev.strongroom.server.vaults;

import dev.strongroom.model.wire.ItemRewrap;
import dev.strongroom.server.db.Tx;
import dev.strongroom.server.http.BadRequestException;
import dev.strongroom.server.http.Check;
import dev.strongroom.server.http.ConflictException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The item half of a key rotation: every live item of the vault gets its next revision with the
 * re-wrapped item key and the rotator's signature, content kept byte for byte, all or nothing. Rows
 * are written the same way {@link VaultStore#writeRevision} writes one (current row, history row,
 * history trimmed to its depth, one change sequence value each, in the order given), but as a
 * handful of statements for the whole vault: one read of the live items, one move of the vault's
 * change sequence by the number of items (which locks the vault row until commit, so no other write
 * to the vault interleaves), and one JDBC batch per table. A 10,000-item rotation is therefore a
 * few statements, not 50,000.
 */
public final class RotationRewrite {

    private RotationRewrite() {}

    /** A live item's current revision and content, as read once for the whole vault. */
    private record Live(long revision, byte[] content) {}

    /**
     * Stores the re-wrap of exactly the vault's live items at key version {@code newVersion}: 400
     * if an item is missing, extra or given twice, or a wrap or signature is malformed; 409 (with
     * the item's current revision) if an item moved on since the rotator read it.
     */
    public static void apply(
            Tx tx,
            UUID vaultId,
            int newVersion,
            List<ItemRewrap> items,
            UUID author,
            long logSeq,
            int historyDepth,
            int maxWrap,
            long now)
            throws SQLException {
        for (ItemRewrap i : items) {
            Check.blob(i.itemKeyWrap(), "itemKeyWrap", 1, maxWrap);
            Check.blob(i.signature(), "signature", 64, 64);
        }
        // taking the sequence values first locks the vault row: the live set read next is stable
        long last =
                tx.queryOne(
                                "UPDATE vaults SET change_seq = change_seq + ? WHERE id = ?"
                                        + " RETURNING change_seq",
                                rs -> rs.getLong(1),
                                (long) items.size(),
                                vaultId)
                        .orElseThrow(() -> new BadRequestException("no such vault"));
        Map<String, Live> live = new HashMap<>();
        tx.forEach(
                "SELECT id, revision, content FROM items WHERE vault_id = ? AND deleted = 0"
                        + tx.forUpdate(),
                rs -> live.put(rs.getString(1), new Live(rs.getLong(2), rs.getBytes(3))),
                vaultId);
        requireExactly(live, items);
        long seq = last - items.size();
        List<Object[]> current = new ArrayList<>(items.size());
        List<Object[]> history = new ArrayList<>(items.size());
        List<Object[]> trims = new ArrayList<>(items.size());
        for (ItemRewrap i : items) {
            Live was = live.get(i.itemId().toString());
            long revision = i.expectedRevision() + 1;
            seq++;
            current.add(
                    new Object[] {
                        revision,
                        seq,
                        newVersion,
                        i.itemKeyWrap(),
                        i.signature(),
                        author,
                        logSeq,
                        now,
                        i.itemId(),
                        vaultId,
                        i.expectedRevision()
                    });
            history.add(
                    new Object[] {
                        i.itemId(),
                        vaultId,
                        revision,
                        newVersion,
                        i.itemKeyWrap(),
                        was.content(),
                        i.signature(),
                        author,
                        logSeq,
                        0,
                        now
                    });
            trims.add(new Object[] {i.itemId(), revision - historyDepth});
        }
        tx.updateBatch(
                "UPDATE items SET revision = ?, change_seq = ?, key_version = ?, item_key_wrap = ?,"
                        + " signature = ?, author_id = ?, log_seq = ?, deleted = 0, updated_at = ?"
                        + " WHERE id = ? AND vault_id = ? AND revision = ?",
                current);
        tx.updateBatch(
                "INSERT INTO item_revisions (item_id, vault_id, revision, key_version,"
                        + " item_key_wrap, content, signature, author_id, log_seq, deleted,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                history);
        tx.updateBatch("DELETE FROM item_revisions WHERE item_id = ? AND revision <= ?", trims);
    }

    /** The given re-wraps name each live item once, at its current revision. */
    private static void requireExactly(Map<String, Live> live, List<ItemRewrap> items) {
        Map<String, ItemRewrap> given = new HashMap<>();
        for (ItemRewrap i : items) {
            if (given.put(i.itemId().toString(), i) != null) {
                throw new BadRequestException("an item appears twice in the rotation");
            }
        }
        if (!given.keySet().equals(live.keySet())) {
            throw new BadRequestException("a rotation must re-wrap exactly the vault's live items");
        }
        for (ItemRewrap i : items) {
            long current = live.get(i.itemId().toString()).revision();
            if (current != i.expectedRevision()) {
                throw ConflictException.revision(
                        "item is at revision " + current + ", not " + i.expectedRevision(),
                        current);
            }
        }
    }
}
