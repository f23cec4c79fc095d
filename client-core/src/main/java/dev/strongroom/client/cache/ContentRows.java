package dev.strongroom.client.cache;

import dev.strongroom.crypto.envelope.Base64Url;
import dev.strongroom.model.log.SignedLogEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads of cached ciphertext: items, history, vaults, key wraps, log entries. Each list is one
 * query along a primary-key index (no per-row follow-up queries), so listing a 10,000-item vault is
 * a single index range scan.
 */
final class ContentRows {

    /** A row mapper that may throw SQLException. */
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final Connection conn;

    ContentRows(Connection conn) {
        this.conn = conn;
    }

    Optional<CachedItem> item(String vaultId, String itemId) throws SQLException {
        List<CachedItem> found =
                query(
                        "SELECT "
                                + ItemRows.COLUMNS
                                + " FROM item WHERE vault_id = ? AND item_id = ?",
                        rs -> ItemRows.read(rs, 1),
                        vaultId,
                        itemId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** One range scan of the item primary key; tested to need no sort and no table scan. */
    static final String ITEMS_OF_VAULT =
            "SELECT " + ItemRows.COLUMNS + " FROM item WHERE vault_id = ? ORDER BY item_id";

    static final String HISTORY_OF_ITEM =
            "SELECT "
                    + ItemRows.COLUMNS
                    + " FROM item_history WHERE vault_id = ? AND item_id = ? ORDER BY revision";

    List<CachedItem> items(String vaultId) throws SQLException {
        return query(ITEMS_OF_VAULT, rs -> ItemRows.read(rs, 1), vaultId);
    }

    List<CachedItem> history(String vaultId, String itemId) throws SQLException {
        return query(HISTORY_OF_ITEM, rs -> ItemRows.read(rs, 1), vaultId, itemId);
    }

    /** One range scan of the history primary key for a whole vault. */
    static final String HISTORY_OF_VAULT =
            "SELECT "
                    + ItemRows.COLUMNS
                    + " FROM item_history WHERE vault_id = ? ORDER BY item_id, revision";

    List<CachedItem> vaultHistory(String vaultId) throws SQLException {
        return query(HISTORY_OF_VAULT, rs -> ItemRows.read(rs, 1), vaultId);
    }

    List<CachedVault> vaults() throws SQLException {
        return query(
                "SELECT vault_id, team_id, metadata FROM vault ORDER BY vault_id",
                rs -> new CachedVault(rs.getString(1), rs.getString(2), rs.getBytes(3)));
    }

    long cursor(String vaultId) throws SQLException {
        List<Long> found =
                query("SELECT cursor FROM vault WHERE vault_id = ?", rs -> rs.getLong(1), vaultId);
        return found.isEmpty() ? 0 : found.get(0);
    }

    List<KeyWrap> keyWraps(String vaultId) throws SQLException {
        return query(
                "SELECT vault_id, key_version, wrap FROM vault_key_wrap WHERE vault_id = ?"
                        + " ORDER BY key_version",
                rs -> new KeyWrap(rs.getString(1), rs.getInt(2), rs.getBytes(3)),
                vaultId);
    }

    List<SignedLogEntry> log(String teamId) throws SQLException {
        return query(
                "SELECT body, signature FROM log_entry WHERE team_id = ? ORDER BY seq",
                rs ->
                        new SignedLogEntry(
                                Base64Url.encode(rs.getBytes(1)), Base64Url.encode(rs.getBytes(2))),
                teamId);
    }

    private <T> List<T> query(String sql, Row<T> row, String... args) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        }
    }
}
