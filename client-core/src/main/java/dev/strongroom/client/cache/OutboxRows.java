package dev.strongroom.client.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outbox of queued offline writes and the conflicts they ran into. Callers own transactions.
 */
final class OutboxRows {

    private static final String WRITE_COLUMNS =
            "id, vault_id, item_id, base_revision, payload, created_at, state";

    private final Connection conn;

    OutboxRows(Connection conn) {
        this.conn = conn;
    }

    PendingWrite enqueue(
            String vaultId, String itemId, long baseRevision, byte[] payload, Instant now)
            throws SQLException {
        String sql =
                "INSERT INTO outbox (vault_id, item_id, base_revision, payload, created_at, state)"
                        + " VALUES (?, ?, ?, ?, ?, 'QUEUED')";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, vaultId);
            ps.setString(2, itemId);
            ps.setLong(3, baseRevision);
            ps.setBytes(4, payload);
            ps.setLong(5, now.toEpochMilli());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT last_insert_rowid()");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return write(rs.getLong(1)).orElseThrow();
        }
    }

    /** Every queued write, oldest first. */
    List<PendingWrite> list() throws SQLException {
        String sql = "SELECT " + WRITE_COLUMNS + " FROM outbox ORDER BY id";
        try (PreparedStatement ps = conn.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            List<PendingWrite> writes = new ArrayList<>();
            while (rs.next()) {
                writes.add(write(rs));
            }
            return writes;
        }
    }

    Optional<PendingWrite> write(long id) throws SQLException {
        String sql = "SELECT " + WRITE_COLUMNS + " FROM outbox WHERE id = ?";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(write(rs)) : Optional.empty();
            }
        }
    }

    private static PendingWrite write(ResultSet rs) throws SQLException {
        return new PendingWrite(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getBytes(5),
                Instant.ofEpochMilli(rs.getLong(6)),
                WriteState.valueOf(rs.getString(7)));
    }

    void setState(long id, WriteState state) throws SQLException {
        try (PreparedStatement ps =
                conn.prepareStatement("UPDATE outbox SET state = ? WHERE id = ?")) {
            ps.setString(1, state.name());
            ps.setLong(2, id);
            requireOne(ps.executeUpdate(), "queued write " + id);
        }
    }

    void remove(long id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
            ps.setLong(1, id);
            requireOne(ps.executeUpdate(), "queued write " + id);
        }
    }

    /** Keeps the local write and the server's version side by side, and takes it off the queue. */
    void moveToConflict(long writeId, CachedItem server, Instant now) throws SQLException {
        PendingWrite write =
                write(writeId)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "unknown queued write " + writeId));
        if (!write.vaultId().equals(server.vaultId()) || !write.itemId().equals(server.itemId())) {
            throw new IllegalArgumentException(
                    "server version of a conflict must be the same item as write " + writeId);
        }
        String sql =
                "INSERT INTO conflict (local_base_revision, local_payload, local_created_at,"
                        + " detected_at, "
                        + ItemRows.COLUMNS
                        + ") VALUES (?, ?, ?, ?, "
                        + ItemRows.PLACEHOLDERS
                        + ")";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, write.baseRevision());
            ps.setBytes(2, write.payload());
            ps.setLong(3, write.createdAt().toEpochMilli());
            ps.setLong(4, now.toEpochMilli());
            ItemRows.bind(ps, 5, server);
            ps.executeUpdate();
        }
        remove(writeId);
    }

    List<Conflict> conflicts() throws SQLException {
        return conflicts(null);
    }

    Optional<Conflict> conflict(long id) throws SQLException {
        List<Conflict> found = conflicts(id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<Conflict> conflicts(Long id) throws SQLException {
        String sql =
                "SELECT id, local_base_revision, local_payload, local_created_at, detected_at, "
                        + ItemRows.COLUMNS
                        + " FROM conflict WHERE ? IS NULL OR id = ? ORDER BY id";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setObject(1, id);
            ps.setObject(2, id);
            return readConflicts(ps);
        }
    }

    private static List<Conflict> readConflicts(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<Conflict> conflicts = new ArrayList<>();
            while (rs.next()) {
                conflicts.add(
                        new Conflict(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getBytes(3),
                                Instant.ofEpochMilli(rs.getLong(4)),
                                ItemRows.read(rs, 6),
                                Instant.ofEpochMilli(rs.getLong(5))));
            }
            return conflicts;
        }
    }

    void deleteConflict(long id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM conflict WHERE id = ?")) {
            ps.setLong(1, id);
            requireOne(ps.executeUpdate(), "conflict " + id);
        }
    }

    private static void requireOne(int rows, String what) {
        if (rows != 1) {
            throw new IllegalArgumentException("unknown " + what);
        }
    }
}
