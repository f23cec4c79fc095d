package dev.strongroom.client.cache;

import dev.strongroom.model.vault.ItemRevision;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The 13 columns an item revision occupies in {@code item}, {@code item_history} and {@code
 * conflict}, in one place so the three tables cannot drift apart.
 */
final class ItemRows {

    static final int COUNT = 13;

    static final String COLUMNS =
            "vault_id, item_id, team_id, revision, key_version, wrapped_key_digest,"
                    + " content_digest, deleted, author_id, log_seq, wrapped_key, content,"
                    + " signature";

    static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

    private ItemRows() {}

    /** Binds the 13 columns starting at parameter {@code first}. */
    static void bind(PreparedStatement ps, int first, CachedItem item) throws SQLException {
        ItemRevision r = item.revision();
        int i = first;
        ps.setString(i++, r.vaultId());
        ps.setString(i++, r.itemId());
        ps.setString(i++, r.teamId());
        ps.setLong(i++, r.revision());
        ps.setInt(i++, r.keyVersion());
        ps.setBytes(i++, r.wrappedItemKeyDigest());
        ps.setBytes(i++, r.contentDigest());
        ps.setInt(i++, r.deleted() ? 1 : 0);
        ps.setString(i++, r.authorId());
        ps.setLong(i++, r.logSeq());
        ps.setBytes(i++, item.wrappedItemKeyView());
        ps.setBytes(i++, item.contentView());
        ps.setBytes(i, item.signatureView());
    }

    /** Reads the 13 columns starting at column {@code first}. */
    static CachedItem read(ResultSet rs, int first) throws SQLException {
        int i = first;
        String vaultId = rs.getString(i++);
        String itemId = rs.getString(i++);
        String teamId = rs.getString(i++);
        ItemRevision revision =
                new ItemRevision(
                        teamId,
                        vaultId,
                        itemId,
                        rs.getLong(i++),
                        rs.getInt(i++),
                        rs.getBytes(i++),
                        rs.getBytes(i++),
                        rs.getInt(i++) != 0,
                        rs.getString(i++),
                        rs.getLong(i++));
        return CachedItem.fromRow(revision, rs.getBytes(i++), rs.getBytes(i++), rs.getBytes(i));
    }
}
