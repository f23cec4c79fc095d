package dev.strongroom.server.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Copies every row of one Strongroom database into another, empty one (SQLite to PostgreSQL when an
 * installation outgrows one machine). Tables are copied in foreign-key order, in one target
 * transaction, rows verbatim, so the audit chain (seq, hashes) and its head arrive intact.
 * Short-lived SRP challenges are not copied.
 */
public final class DatabaseCopier {

    /** Every table, parents before children; the audit head is handled separately. */
    static final List<String> TABLES =
            List.of(
                    "server_secrets",
                    "accounts",
                    "account_records",
                    "sessions",
                    "login_attempts",
                    "teams",
                    "team_log_entries",
                    "team_members",
                    "team_invites",
                    "vaults",
                    "vault_access",
                    "vault_key_wraps",
                    "items",
                    "item_revisions",
                    "vault_heads",
                    "machine_accounts",
                    "recovery_policies",
                    "recovery_shares",
                    "recovery_account_enrollments",
                    "recovery_requests",
                    "recovery_decisions",
                    "recovery_old_wraps",
                    "recovery_reenrolment_due",
                    "audit_events");

    private DatabaseCopier() {}

    /**
     * Copies source into target (both already migrated) and returns rows copied per table.
     *
     * @throws IllegalStateException if the target already holds accounts or audit events
     */
    public static Map<String, Long> copy(Database source, Database target) {
        return target.writeRaw(
                out -> {
                    long existing =
                            count(out, "accounts")
                                    + count(out, "audit_events")
                                    + count(out, "teams");
                    if (existing > 0) {
                        throw new IllegalStateException(
                                "target database is not empty; refusing to merge installations");
                    }
                    // server_secrets may hold a row created by a server start; replace it.
                    try (PreparedStatement ps =
                            out.prepareStatement("DELETE FROM server_secrets")) {
                        ps.executeUpdate();
                    }
                    return source.readRaw(
                            in -> {
                                Map<String, Long> counts = new LinkedHashMap<>();
                                for (String table : TABLES) {
                                    counts.put(table, copyTable(in, out, table));
                                }
                                copyAuditHead(in, out);
                                return counts;
                            });
                });
    }

    private static long count(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long copyTable(Connection in, Connection out, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        int[] targetTypes;
        try (PreparedStatement ps =
                        out.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
                ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            targetTypes = new int[md.getColumnCount()];
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
                targetTypes[i - 1] = md.getColumnType(i);
            }
        }
        StringJoiner names = new StringJoiner(", ");
        StringJoiner marks = new StringJoiner(", ");
        for (String c : columns) {
            names.add(c);
            marks.add("?");
        }
        String orderBy = table.equals("audit_events") ? " ORDER BY seq" : "";
        long rows = 0;
        try (PreparedStatement select =
                        in.prepareStatement("SELECT " + names + " FROM " + table + orderBy);
                PreparedStatement insert =
                        out.prepareStatement(
                                "INSERT INTO "
                                        + table
                                        + " ("
                                        + names
                                        + ") VALUES ("
                                        + marks
                                        + ")")) {
            select.setFetchSize(1000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        Object value = rs.getObject(i);
                        if (value == null) {
                            insert.setNull(i, targetTypes[i - 1]);
                        } else if (value instanceof byte[] b) {
                            insert.setBytes(i, b);
                        } else if (value instanceof Number n
                                && targetTypes[i - 1] == java.sql.Types.BIGINT) {
                            insert.setLong(i, n.longValue());
                        } else if (value instanceof Number n
                                && targetTypes[i - 1] == java.sql.Types.INTEGER) {
                            insert.setInt(i, n.intValue());
                        } else {
                            insert.setObject(i, value, targetTypes[i - 1]);
                        }
                    }
                    insert.addBatch();
                    if (++rows % 500 == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        }
        return rows;
    }

    private static void copyAuditHead(Connection in, Connection out) throws SQLException {
        try (PreparedStatement ps =
                        in.prepareStatement(
                                "SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("source has no audit head");
            }
            try (PreparedStatement up =
                    out.prepareStatement(
                            "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                up.setLong(1, rs.getLong(1));
                up.setBytes(2, rs.getBytes(2));
                up.executeUpdate();
            }
        }
    }
}
