package dev.strongroom.server.audit;

import dev.strongroom.server.db.Tx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Filters for reading the audit log; null fields do not filter. */
public record AuditQuery(
        String teamId,
        String actorId,
        String action,
        String targetId,
        Long fromTime,
        Long toTime,
        long afterSeq,
        int limit) {

    List<ChainedEvent> run(Tx tx) throws SQLException {
        StringBuilder sql =
                new StringBuilder(
                        "SELECT " + AuditLog.COLUMNS + " FROM audit_events WHERE seq > ?");
        List<Object> params = new ArrayList<>();
        params.add(afterSeq);
        if (teamId != null) {
            sql.append(" AND team_id = ?");
            params.add(teamId);
        }
        if (actorId != null) {
            sql.append(" AND actor_id = ?");
            params.add(actorId);
        }
        if (action != null) {
            sql.append(" AND action = ?");
            params.add(action);
        }
        if (targetId != null) {
            sql.append(" AND target_id = ?");
            params.add(targetId);
        }
        if (fromTime != null) {
            sql.append(" AND at >= ?");
            params.add(fromTime);
        }
        if (toTime != null) {
            sql.append(" AND at < ?");
            params.add(toTime);
        }
        sql.append(" ORDER BY seq LIMIT ?");
        params.add(limit);
        return tx.query(sql.toString(), AuditLog::map, params.toArray());
    }
}
