package dev.strongroom.server.invites;

import dev.strongroom.model.wire.InviteView;
import dev.strongroom.server.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SQL of pending invites: rows of {@code team_invites} and the facts endpoints check. */
final class InviteStore {

    static final String PENDING = "pending";
    static final String ACCEPTED = "accepted";
    static final String CONSUMED = "consumed";
    static final String CANCELLED = "cancelled";

    private static final String COLUMNS =
            "id, team_id, email, role, inviter_id, inviter_proof, status, invitee_id,"
                    + " invitee_proof, created_at, expires_at";

    private InviteStore() {}

    static void insert(
            Tx tx,
            UUID id,
            UUID teamId,
            String email,
            String role,
            UUID inviter,
            byte[] proof,
            long now,
            long expiresAt)
            throws SQLException {
        tx.update(
                "INSERT INTO team_invites (id, team_id, email, role, inviter_id, inviter_proof,"
                        + " status, created_at, expires_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                teamId,
                email,
                role,
                inviter,
                proof,
                PENDING,
                now,
                expiresAt,
                now);
    }

    static Optional<InviteView> byId(Tx tx, UUID id, boolean forUpdate) throws SQLException {
        return tx.queryOne(
                "SELECT "
                        + COLUMNS
                        + " FROM team_invites WHERE id = ?"
                        + (forUpdate ? tx.forUpdate() : ""),
                InviteStore::view,
                id);
    }

    static List<InviteView> byEmail(Tx tx, String email) throws SQLException {
        return tx.query(
                "SELECT "
                        + COLUMNS
                        + " FROM team_invites WHERE email = ? AND status IN ('pending', 'accepted')"
                        + " ORDER BY created_at, id",
                InviteStore::view,
                email);
    }

    static List<InviteView> byTeam(Tx tx, UUID teamId) throws SQLException {
        return tx.query(
                "SELECT "
                        + COLUMNS
                        + " FROM team_invites WHERE team_id = ? ORDER BY created_at, id",
                InviteStore::view,
                teamId);
    }

    static void accept(Tx tx, UUID id, UUID invitee, byte[] proof, long now) throws SQLException {
        tx.update(
                "UPDATE team_invites SET status = ?, invitee_id = ?, invitee_proof = ?,"
                        + " updated_at = ? WHERE id = ?",
                ACCEPTED,
                invitee,
                proof,
                now,
                id);
    }

    static void setStatus(Tx tx, UUID id, String status, long now) throws SQLException {
        tx.update(
                "UPDATE team_invites SET status = ?, updated_at = ? WHERE id = ?", status, now, id);
    }

    /** Accepted invites whose invitee the verified log has since added: they are used up. */
    static void consumeJoined(Tx tx, UUID teamId, long now) throws SQLException {
        tx.update(
                "UPDATE team_invites SET status = ?, updated_at = ? WHERE team_id = ? AND status"
                        + " = ? AND invitee_id IN (SELECT principal_id FROM team_members WHERE"
                        + " team_id = ?)",
                CONSUMED,
                now,
                teamId,
                ACCEPTED,
                teamId);
    }

    /** The caller's role in the team ({@code owner}, {@code admin}, {@code member}), if any. */
    static Optional<String> role(Tx tx, UUID teamId, UUID principal) throws SQLException {
        return tx.queryOne(
                "SELECT role FROM team_members WHERE team_id = ? AND principal_id = ? AND"
                        + " principal_kind = 'account'",
                rs -> rs.getString(1),
                teamId,
                principal);
    }

    static Optional<String> email(Tx tx, UUID accountId) throws SQLException {
        return tx.queryOne(
                "SELECT email FROM accounts WHERE id = ?", rs -> rs.getString(1), accountId);
    }

    private static InviteView view(ResultSet rs) throws SQLException {
        String invitee = rs.getString(8);
        return new InviteView(
                UUID.fromString(rs.getString(1)),
                UUID.fromString(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                UUID.fromString(rs.getString(5)),
                rs.getBytes(6),
                rs.getString(7),
                invitee == null ? null : UUID.fromString(invitee),
                rs.getBytes(9),
                rs.getLong(10),
                rs.getLong(11));
    }
}
