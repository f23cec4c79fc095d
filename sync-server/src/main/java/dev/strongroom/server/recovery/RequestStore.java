package dev.strongroom.server.recovery;

import dev.strongroom.model.recovery.RecoveryDecisionBody;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.recovery.SignedRecoveryMessage;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.RecoveryDecisionSummary;
import dev.strongroom.model.wire.RecoveryRequestView;
import dev.strongroom.model.wire.WireJson;
import dev.strongroom.server.db.Tx;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of recovery requests and decisions. Signed bodies are kept as received so they can be
 * handed back byte for byte. A request's stored status changes only on a decision, a close or a new
 * policy; expiry is applied when read, so reads never write.
 */
final class RequestStore {

    /** A request row. */
    record Request(
            UUID id,
            UUID teamId,
            int policyVersion,
            String requesterId,
            RecoveryScope scope,
            String reason,
            byte[] body,
            byte[] signature,
            String status,
            long createdAt,
            long notBefore,
            long expiresAt) {

        SignedRecoveryMessage signed() {
            return new SignedRecoveryMessage(Base64Url.encode(body), Base64Url.encode(signature));
        }

        /** The stored status, or {@code expired} once an open request outlived its lifetime. */
        String status(long now) {
            boolean open =
                    RecoveryRequestView.PENDING.equals(status)
                            || RecoveryRequestView.APPROVED.equals(status);
            return open && now >= expiresAt ? RecoveryRequestView.EXPIRED : status;
        }
    }

    /** A decision row. */
    record Decision(
            String deciderId,
            String decision,
            byte[] body,
            byte[] signature,
            byte[] sealedShare,
            long createdAt) {

        SignedRecoveryMessage signed() {
            return new SignedRecoveryMessage(Base64Url.encode(body), Base64Url.encode(signature));
        }

        RecoveryDecisionBody parsed() {
            try {
                return WireJson.mapper().readValue(body, RecoveryDecisionBody.class);
            } catch (IOException e) {
                throw new IllegalStateException("a stored decision is unreadable", e);
            }
        }
    }

    private static final String COLUMNS =
            "id, team_id, policy_version, requester_id, scope_kind, scope_target, reason,"
                    + " request_body, request_signature, status, created_at, not_before,"
                    + " expires_at";

    private RequestStore() {}

    static void insert(Tx tx, Request r) throws SQLException {
        tx.update(
                "INSERT INTO recovery_requests ("
                        + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(),
                r.teamId(),
                r.policyVersion(),
                r.requesterId(),
                r.scope().kind(),
                r.scope().target(),
                r.reason(),
                r.body(),
                r.signature(),
                r.status(),
                r.createdAt(),
                r.notBefore(),
                r.expiresAt());
    }

    static Optional<Request> byId(Tx tx, UUID teamId, UUID id, boolean forUpdate)
            throws SQLException {
        return tx.queryOne(
                "SELECT "
                        + COLUMNS
                        + " FROM recovery_requests WHERE id = ? AND team_id = ?"
                        + (forUpdate ? tx.forUpdate() : ""),
                RequestStore::request,
                id,
                teamId);
    }

    static List<Request> byTeam(Tx tx, UUID teamId, int limit) throws SQLException {
        return tx.query(
                "SELECT "
                        + COLUMNS
                        + " FROM recovery_requests WHERE team_id = ? ORDER BY created_at DESC, id"
                        + " LIMIT ?",
                RequestStore::request,
                teamId,
                limit);
    }

    static void setStatus(Tx tx, UUID id, String status, Long closedAt) throws SQLException {
        tx.update(
                "UPDATE recovery_requests SET status = ?, closed_at = ? WHERE id = ?",
                status,
                Tx.orNull(closedAt, Tx.Null.BIGINT),
                id);
    }

    static List<Decision> decisions(Tx tx, UUID requestId) throws SQLException {
        return tx.query(
                "SELECT decider_id, decision, decision_body, signature, sealed_share, created_at"
                        + " FROM recovery_decisions WHERE request_id = ? ORDER BY created_at,"
                        + " decider_id",
                rs ->
                        new Decision(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getBytes(3),
                                rs.getBytes(4),
                                rs.getBytes(5),
                                rs.getLong(6)),
                requestId);
    }

    static void insertDecision(Tx tx, UUID requestId, Decision d) throws SQLException {
        tx.update(
                "INSERT INTO recovery_decisions (request_id, decider_id, decision, decision_body,"
                        + " signature, sealed_share, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                requestId,
                d.deciderId(),
                d.decision(),
                d.body(),
                d.signature(),
                Tx.orNull(d.sealedShare(), Tx.Null.BYTES),
                d.createdAt());
    }

    /** The threshold of the policy version a request was opened under. */
    static int threshold(Tx tx, UUID teamId, int version) throws SQLException {
        return tx.queryOne(
                        "SELECT threshold FROM recovery_policies WHERE team_id = ? AND"
                                + " policy_version = ?",
                        rs -> rs.getInt(1),
                        teamId,
                        version)
                .orElse(0);
    }

    static RecoveryRequestView view(Tx tx, Request r, long now) throws SQLException {
        List<Decision> decisions = decisions(tx, r.id());
        return new RecoveryRequestView(
                r.id(),
                r.teamId(),
                r.policyVersion(),
                r.requesterId(),
                r.scope(),
                r.reason(),
                r.createdAt(),
                r.notBefore(),
                r.expiresAt(),
                r.status(now),
                threshold(tx, r.teamId(), r.policyVersion()),
                (int)
                        decisions.stream()
                                .filter(d -> RecoveryDecisionBody.APPROVE.equals(d.decision()))
                                .count(),
                decisions.stream()
                        .map(
                                d ->
                                        new RecoveryDecisionSummary(
                                                d.deciderId(), d.decision(), d.createdAt()))
                        .toList(),
                r.signed());
    }

    private static Request request(ResultSet rs) throws SQLException {
        return new Request(
                UUID.fromString(rs.getString(1)),
                UUID.fromString(rs.getString(2)),
                rs.getInt(3),
                rs.getString(4),
                new RecoveryScope(rs.getString(5), rs.getString(6)),
                rs.getString(7),
                rs.getBytes(8),
                rs.getBytes(9),
                rs.getString(10),
                rs.getLong(11),
                rs.getLong(12),
                rs.getLong(13));
    }
}
