package dev.strongroom.client.cache;

import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.model.log.LogEntries;
import dev.strongroom.model.vault.VaultHead;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Applies a {@link CacheBatch} inside a transaction the caller owns (and rolls back on any
 * exception). Parts go in dependency order so foreign keys are checked row by row and a bad row
 * fails at once, naming itself.
 */
final class BatchWriter {

    /** Item columns an update may change (everything but the key). */
    private static final String[] ITEM_VALUES = {
        "team_id",
        "revision",
        "key_version",
        "wrapped_key_digest",
        "content_digest",
        "deleted",
        "author_id",
        "log_seq",
        "wrapped_key",
        "content",
        "signature"
    };

    /**
     * Upsert that only updates when some column differs, so re-delivering the same revision is a
     * no-op and the triggers refuse anything else at the same or a lower revision.
     */
    private static final String UPSERT_ITEM =
            "INSERT INTO item ("
                    + ItemRows.COLUMNS
                    + ") VALUES ("
                    + ItemRows.PLACEHOLDERS
                    + ") ON CONFLICT (vault_id, item_id) DO UPDATE SET "
                    + Arrays.stream(ITEM_VALUES)
                            .map(c -> c + " = excluded." + c)
                            .collect(Collectors.joining(", "))
                    + " WHERE "
                    + Arrays.stream(ITEM_VALUES)
                            .map(c -> "item." + c + " IS NOT excluded." + c)
                            .collect(Collectors.joining(" OR "));

    private final Connection conn;
    private final TrustRows trust;
    private PinStore pins;

    BatchWriter(Connection conn, TrustRows trust, PinStore pins) {
        this.conn = conn;
        this.trust = trust;
        this.pins = pins;
    }

    /** Applies everything; returns the pin file content the batch leads to (same if unchanged). */
    PinStore apply(CacheBatch b, Instant now) throws SQLException {
        if (b.kdfPin != null) {
            trust.writeKdf(b.kdfPin);
            pins = pins.withKdf(KdfFields.of(b.kdfPin));
        }
        Set<String> teams = new TreeSet<>();
        for (TeamPin pin : b.teamPins) {
            pinTeam(pin);
            teams.add(pin.teamId());
        }
        for (CacheBatch.LogRow row : b.logEntries) {
            logEntry(row);
            teams.add(row.teamId());
        }
        for (CachedVault vault : b.vaults) {
            update(
                    "INSERT INTO vault (vault_id, team_id, metadata) VALUES (?, ?, ?) ON CONFLICT"
                            + " (vault_id) DO UPDATE SET team_id = excluded.team_id, metadata ="
                            + " excluded.metadata",
                    "vault " + vault.vaultId(),
                    vault.vaultId(),
                    vault.teamId(),
                    vault.metadata());
        }
        for (KeyWrap wrap : b.keyWraps) {
            update(
                    "INSERT OR REPLACE INTO vault_key_wrap (vault_id, key_version, wrap) VALUES (?,"
                            + " ?, ?)",
                    "key wrap " + wrap,
                    wrap.vaultId(),
                    wrap.keyVersion(),
                    wrap.wrap());
        }
        items(UPSERT_ITEM, b.items);
        items(
                "INSERT OR IGNORE INTO item_history ("
                        + ItemRows.COLUMNS
                        + ") VALUES ("
                        + ItemRows.PLACEHOLDERS
                        + ")",
                b.history);
        for (VaultHeadPin head : b.vaultHeads) {
            pinVaultHead(head);
        }
        for (CacheBatch.CursorOp op : b.cursors) {
            requireOne(
                    update(
                            "UPDATE vault SET cursor = ? WHERE vault_id = ?",
                            "cursor of " + op.vaultId(),
                            op.cursor(),
                            op.vaultId()),
                    "vault " + op.vaultId());
        }
        OutboxRows outbox = new OutboxRows(conn);
        for (long id : b.completedWrites) {
            outbox.remove(id);
        }
        for (CacheBatch.ConflictOp op : b.conflicts) {
            outbox.moveToConflict(op.writeId(), op.server(), now);
        }
        for (String vaultId : b.removedVaults) {
            removeVault(vaultId);
        }
        for (String team : b.removedTeams) {
            removeTeam(team);
            teams.remove(team);
        }
        for (String team : teams) {
            checkLogAgainstPin(team);
        }
        return pins;
    }

    private void pinTeam(TeamPin pin) throws SQLException {
        Optional<TeamPin> current = trust.team(pin.teamId());
        Optional<byte[]> genesis =
                current.map(TeamPin::genesisHash).or(() -> pins.genesis(pin.teamId()));
        if (genesis.isPresent() && !ConstantTime.equals(genesis.get(), pin.genesisHash())) {
            throw new RollbackRefusedException(
                    RollbackRefusedException.Reason.GENESIS_CHANGED,
                    "team " + pin.teamId() + " has another pinned genesis");
        }
        if (current.isPresent()) {
            TeamPin old = current.get();
            if (pin.lastSeq() < old.lastSeq()) {
                throw new RollbackRefusedException(
                        RollbackRefusedException.Reason.TEAM_LOG_BACKWARD,
                        "team "
                                + pin.teamId()
                                + " log would go from "
                                + old.lastSeq()
                                + " back to "
                                + pin.lastSeq());
            }
            if (pin.lastSeq() == old.lastSeq()) {
                if (!ConstantTime.equals(pin.headHash(), old.headHash())) {
                    throw new RollbackRefusedException(
                            RollbackRefusedException.Reason.TEAM_LOG_FORK,
                            "team " + pin.teamId() + " has another entry at " + pin.lastSeq());
                }
                return;
            }
        }
        trust.writeTeam(pin);
        if (pins.genesis(pin.teamId()).isEmpty()) {
            pins = pins.withGenesis(pin.teamId(), pin.genesisHash());
        }
    }

    private void logEntry(CacheBatch.LogRow row) throws SQLException {
        update(
                "INSERT INTO log_entry (team_id, seq, body, signature) VALUES (?, ?, ?, ?) ON"
                        + " CONFLICT (team_id, seq) DO UPDATE SET body = excluded.body, signature ="
                        + " excluded.signature WHERE log_entry.body IS NOT excluded.body OR"
                        + " log_entry.signature IS NOT excluded.signature",
                "log entry " + row.seq() + " of team " + row.teamId(),
                row.teamId(),
                row.seq(),
                row.body(),
                row.signature());
    }

    private void items(String sql, Iterable<CachedItem> items) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (CachedItem item : items) {
                ItemRows.bind(ps, 1, item);
                try {
                    ps.executeUpdate();
                } catch (SQLException e) {
                    throw Sql.failure("storing an item", e, "item " + item);
                }
            }
        }
    }

    private void pinVaultHead(VaultHeadPin pin) throws SQLException {
        VaultHead head = pin.head();
        String team = vaultTeam(head.vaultId());
        if (!team.equals(head.teamId())) {
            throw new IllegalArgumentException(
                    "head of vault " + head.vaultId() + " names another team than the vault");
        }
        Optional<VaultHeadPin> current = trust.vaultHead(head.vaultId());
        if (current.isPresent()) {
            long old = current.get().head().counter();
            if (head.counter() < old) {
                throw new RollbackRefusedException(
                        RollbackRefusedException.Reason.VAULT_HEAD_BACKWARD,
                        "vault "
                                + head.vaultId()
                                + " head would go from "
                                + old
                                + " back to "
                                + head.counter());
            }
            if (head.counter() == old) {
                if (!current.get().equals(pin)) {
                    throw new RollbackRefusedException(
                            RollbackRefusedException.Reason.VAULT_HEAD_FORK,
                            "vault " + head.vaultId() + " has another head at " + old);
                }
                return;
            }
        }
        trust.writeVaultHead(pin);
    }

    private void removeVault(String vaultId) throws SQLException {
        for (String table : new String[] {"item_history", "item", "vault_key_wrap", "vault_head"}) {
            update("DELETE FROM " + table + " WHERE vault_id = ?", "vault " + vaultId, vaultId);
        }
        requireOne(
                update("DELETE FROM vault WHERE vault_id = ?", "vault " + vaultId, vaultId),
                "vault " + vaultId);
    }

    private void removeTeam(String teamId) throws SQLException {
        List<String> vaults = new ArrayList<>();
        try (PreparedStatement ps =
                conn.prepareStatement("SELECT vault_id FROM vault WHERE team_id = ?")) {
            ps.setString(1, teamId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    vaults.add(rs.getString(1));
                }
            }
        }
        for (String vaultId : vaults) {
            removeVault(vaultId);
        }
        update("DELETE FROM log_entry WHERE team_id = ?", "log of team " + teamId, teamId);
        update("DELETE FROM team WHERE team_id = ?", "team " + teamId, teamId);
    }

    private String vaultTeam(String vaultId) throws SQLException {
        try (PreparedStatement ps =
                conn.prepareStatement("SELECT team_id FROM vault WHERE vault_id = ?")) {
            ps.setString(1, vaultId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("unknown vault " + vaultId);
                }
                return rs.getString(1);
            }
        }
    }

    /**
     * Stored entries must be verified ones: none beyond the pinned sequence, and the entries at 0
     * and at the pinned sequence must hash to the pinned genesis and head.
     */
    private void checkLogAgainstPin(String teamId) throws SQLException {
        TeamPin pin =
                trust.team(teamId)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "team " + teamId + " is not pinned"));
        String sql =
                "SELECT seq, body, signature FROM log_entry WHERE team_id = ? AND (seq IN (0, ?) OR seq > ?)";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, teamId);
            ps.setLong(2, pin.lastSeq());
            ps.setLong(3, pin.lastSeq());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    if (seq > pin.lastSeq()) {
                        throw new IllegalArgumentException(
                                "log entry " + seq + " of team " + teamId + " is beyond the pin");
                    }
                    byte[] hash = LogEntries.hash(rs.getBytes(2), rs.getBytes(3));
                    byte[] expected = seq == 0 ? pin.genesisHash() : pin.headHash();
                    if (!ConstantTime.equals(hash, expected)) {
                        throw new IllegalArgumentException(
                                "log entry "
                                        + seq
                                        + " of team "
                                        + teamId
                                        + " does not match the pin");
                    }
                }
            }
        }
    }

    private int update(String sql, String subject, Object... args) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("storing " + subject, e, subject);
        }
    }

    private static void requireOne(int rows, String what) {
        if (rows != 1) {
            throw new IllegalArgumentException("unknown " + what);
        }
    }
}
