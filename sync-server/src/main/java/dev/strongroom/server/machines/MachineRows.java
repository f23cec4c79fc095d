package dev.strongroom.server.machines;

import dev.strongroom.model.wire.MachineSummary;
import dev.strongroom.server.db.Tx;
import dev.strongroom.server.http.ForbiddenException;
import dev.strongroom.server.http.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of machine_accounts rows and the team-role check the machine endpoints share. */
final class MachineRows {

    private MachineRows() {}

    private static final String COLUMNS =
            "id, team_id, name, created_by, created_at, expires_at, revoked_at, last_used_at";

    private static MachineSummary map(ResultSet rs) throws SQLException {
        return new MachineSummary(
                UUID.fromString(rs.getString(1)),
                UUID.fromString(rs.getString(2)),
                rs.getString(3),
                UUID.fromString(rs.getString(4)),
                rs.getLong(5),
                Tx.nullableLong(rs, "expires_at"),
                Tx.nullableLong(rs, "revoked_at"),
                Tx.nullableLong(rs, "last_used_at"));
    }

    static Optional<MachineSummary> find(Tx tx, UUID teamId, UUID machineId) throws SQLException {
        return tx.queryOne(
                "SELECT " + COLUMNS + " FROM machine_accounts WHERE id = ? AND team_id = ?",
                MachineRows::map,
                machineId,
                teamId);
    }

    static MachineSummary require(Tx tx, UUID teamId, UUID machineId) throws SQLException {
        return find(tx, teamId, machineId)
                .orElseThrow(() -> new NotFoundException("no such machine account"));
    }

    static List<MachineSummary> list(Tx tx, UUID teamId) throws SQLException {
        return tx.query(
                "SELECT "
                        + COLUMNS
                        + " FROM machine_accounts WHERE team_id = ? ORDER BY created_at, id",
                MachineRows::map,
                teamId);
    }

    /** 404 unless the caller is in the team, 403 unless an owner or admin. */
    static void requireAdmin(Tx tx, UUID teamId, UUID caller) throws SQLException {
        String role =
                tx.queryOne(
                                "SELECT role FROM team_members WHERE team_id = ? AND"
                                        + " principal_id = ? AND principal_kind = 'account'",
                                rs -> rs.getString(1),
                                teamId,
                                caller)
                        .orElseThrow(() -> new NotFoundException("no such team"));
        if (!"owner".equals(role) && !"admin".equals(role)) {
            throw new ForbiddenException("only owners and admins manage machine accounts");
        }
    }
}
