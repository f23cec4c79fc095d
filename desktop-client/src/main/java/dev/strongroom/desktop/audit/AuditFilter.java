package dev.strongroom.desktop.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What the audit viewer asks the server for: who (an account or machine id), what (an action such
 * as {@code team.log_append}) and when (a time range), each optional.
 */
record AuditFilter(String actorId, String action, Instant from, Instant to) {

    static final AuditFilter NONE = new AuditFilter(null, null, null, null);

    /** The query string for {@code GET /api/v1/teams/{t}/audit}, after {@code after}. */
    String query(long after, int limit) {
        StringBuilder q =
                new StringBuilder("?limit=").append(limit).append("&after=").append(after);
        if (actorId != null) {
            q.append("&actor=").append(encode(actorId));
        }
        if (action != null) {
            q.append("&action=").append(encode(action));
        }
        if (from != null) {
            q.append("&from=").append(from.toEpochMilli());
        }
        if (to != null) {
            q.append("&to=").append(to.toEpochMilli());
        }
        return q.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
