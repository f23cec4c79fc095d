package dev.strongroom.server.teams;

import dev.strongroom.model.log.TeamState;
import dev.strongroom.server.db.Tx;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the verified team state into the tables the server authorises with: team_members (who is
 * in the team, with which role) and vault_access (who may read or write each vault). Rewritten
 * whole after every accepted entry, inside the same transaction.
 */
final class Projection {

    private Projection() {}

    static void write(Tx tx, UUID teamId, TeamState state) throws SQLException {
        long seq = state.seq();
        tx.update("DELETE FROM team_members WHERE team_id = ?", teamId);
        for (Map.Entry<String, TeamState.Member> m : state.members().entrySet()) {
            tx.update(
                    "INSERT INTO team_members (team_id, principal_id, principal_kind, role,"
                            + " since_seq) VALUES (?, ?, 'account', ?, ?)",
                    teamId,
                    m.getKey(),
                    m.getValue().role().wireName(),
                    seq);
        }
        for (String machineId : state.machines().keySet()) {
            tx.update(
                    "INSERT INTO team_members (team_id, principal_id, principal_kind, role,"
                            + " since_seq) VALUES (?, ?, 'machine', 'machine', ?)",
                    teamId,
                    machineId,
                    seq);
        }
        tx.update(
                "DELETE FROM vault_access WHERE vault_id IN (SELECT id FROM vaults WHERE team_id ="
                        + " ?)",
                teamId);
        for (Map.Entry<String, TeamState.Vault> v : state.vaults().entrySet()) {
            for (Map.Entry<String, TeamState.Grant> g : v.getValue().grants().entrySet()) {
                tx.update(
                        "INSERT INTO vault_access (vault_id, principal_id, permission, since_seq)"
                                + " SELECT id, ?, ?, ? FROM vaults WHERE id = ? AND team_id = ?",
                        g.getKey(),
                        g.getValue().permission().wireName(),
                        seq,
                        v.getKey(),
                        teamId);
            }
        }
    }
}
