package dev.strongroom.server.recovery;

import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.RecoveryEnrollmentView;
import dev.strongroom.model.wire.RecoveryRequestView;
import dev.strongroom.model.wire.RecoverySealedShare;
import dev.strongroom.server.db.Tx;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of recovery policies, sealed shares and account enrollments. A policy row exists once its
 * shares are stored; the policy's terms themselves come from the verified set_recovery_policy
 * entry.
 */
final class PolicyStore {

    private PolicyStore() {}

    /**
     * Stores a policy version with its shares and retires the previous versions: their shares and
     * enrollments are deleted and their open requests closed (old shares open nothing new).
     */
    static void store(
            Tx tx,
            UUID teamId,
            LogAction.SetRecoveryPolicy p,
            List<RecoverySealedShare> shares,
            UUID author,
            long now)
            throws SQLException {
        tx.update(
                "INSERT INTO recovery_policies (team_id, policy_version, recovery_public_key,"
                        + " threshold, share_count, delay_ms, owner_veto, author_id, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                teamId,
                p.policyVersion(),
                Base64Url.decode(p.recoveryPublicKey()),
                p.threshold(),
                p.approverIds().size(),
                p.delayHours() * 3_600_000L,
                p.ownerVeto() ? 1 : 0,
                author,
                now);
        for (RecoverySealedShare s : shares) {
            tx.update(
                    "INSERT INTO recovery_shares (team_id, policy_version, approver_id,"
                            + " sealed_share, created_at) VALUES (?, ?, ?, ?, ?)",
                    teamId,
                    p.policyVersion(),
                    s.approverId(),
                    s.sealedShare(),
                    now);
        }
        tx.update(
                "DELETE FROM recovery_shares WHERE team_id = ? AND policy_version < ?",
                teamId,
                p.policyVersion());
        // the new key cannot be given their account keys (only their own clients hold them):
        // queue them until they enrol again, so status shows who lost account recovery
        tx.update(
                "INSERT INTO recovery_reenrolment_due (team_id, account_id, since_version) SELECT"
                        + " team_id, account_id, ? FROM recovery_account_enrollments WHERE"
                        + " team_id = ? AND policy_version < ? ON CONFLICT (team_id, account_id)"
                        + " DO NOTHING",
                p.policyVersion(),
                teamId,
                p.policyVersion());
        tx.update(
                "DELETE FROM recovery_account_enrollments WHERE team_id = ? AND policy_version < ?",
                teamId,
                p.policyVersion());
        tx.update(
                "UPDATE recovery_requests SET status = ?, closed_at = ? WHERE team_id = ? AND"
                        + " policy_version < ? AND status IN (?, ?)",
                RecoveryRequestView.CLOSED,
                now,
                teamId,
                p.policyVersion(),
                RecoveryRequestView.PENDING,
                RecoveryRequestView.APPROVED);
    }

    static boolean stored(Tx tx, UUID teamId, int version) throws SQLException {
        return tx.queryOne(
                        "SELECT 1 FROM recovery_policies WHERE team_id = ? AND policy_version = ?",
                        rs -> 1,
                        teamId,
                        version)
                .isPresent();
    }

    static Optional<byte[]> share(Tx tx, UUID teamId, int version, String approverId)
            throws SQLException {
        return tx.queryOne(
                "SELECT sealed_share FROM recovery_shares WHERE team_id = ? AND policy_version = ?"
                        + " AND approver_id = ?",
                rs -> rs.getBytes(1),
                teamId,
                version,
                approverId);
    }

    /** Replaces the account's enrollment under this policy version (an upsert: no race). */
    static void enroll(Tx tx, UUID teamId, int version, UUID accountId, byte[] wrap, long now)
            throws SQLException {
        tx.update(
                "INSERT INTO recovery_account_enrollments (team_id, policy_version, account_id,"
                        + " wrapped_account_key, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT"
                        + " (team_id, policy_version, account_id) DO UPDATE SET"
                        + " wrapped_account_key = excluded.wrapped_account_key, created_at ="
                        + " excluded.created_at",
                teamId,
                version,
                accountId,
                wrap,
                now);
        tx.update(
                "DELETE FROM recovery_reenrolment_due WHERE team_id = ? AND account_id = ?",
                teamId,
                accountId);
    }

    /** Accounts enrolled under an older policy that have not enrolled again since. */
    static List<String> reenrolmentDue(Tx tx, UUID teamId) throws SQLException {
        return tx.query(
                "SELECT account_id FROM recovery_reenrolment_due WHERE team_id = ? ORDER BY"
                        + " account_id",
                rs -> rs.getString(1),
                teamId);
    }

    static Optional<RecoveryEnrollmentView> enrollment(
            Tx tx, UUID teamId, int version, UUID accountId) throws SQLException {
        return tx.queryOne(
                "SELECT created_at FROM recovery_account_enrollments WHERE team_id = ? AND"
                        + " policy_version = ? AND account_id = ?",
                rs -> new RecoveryEnrollmentView(teamId, accountId, version, rs.getLong(1)),
                teamId,
                version,
                accountId);
    }

    static Optional<byte[]> wrappedAccountKey(Tx tx, UUID teamId, int version, String accountId)
            throws SQLException {
        return tx.queryOne(
                "SELECT wrapped_account_key FROM recovery_account_enrollments WHERE team_id = ?"
                        + " AND policy_version = ? AND account_id = ?",
                rs -> rs.getBytes(1),
                teamId,
                version,
                accountId);
    }

    static List<String> enrolled(Tx tx, UUID teamId, int version) throws SQLException {
        return tx.query(
                "SELECT account_id FROM recovery_account_enrollments WHERE team_id = ? AND"
                        + " policy_version = ? ORDER BY account_id",
                rs -> rs.getString(1),
                teamId,
                version);
    }
}
