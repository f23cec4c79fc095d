package dev.strongroom.server.testing;

import dev.strongroom.server.db.Database;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A comparable dump of the domain tables, to prove that a rejected request changed nothing.
 * Excluded on purpose: the audit log (refusals are audited), login rate-limit counters (failures
 * are counted), SRP challenges (a login start creates one) and session last-use times.
 */
public final class DbSnapshot {

    static final List<String> TABLES =
            List.of(
                    "server_secrets",
                    "accounts",
                    "account_records",
                    "sessions",
                    "teams",
                    "team_log_entries",
                    "team_members",
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
                    "recovery_decisions");

    private static final Set<String> VOLATILE_COLUMNS = Set.of("last_used_at");

    private DbSnapshot() {}

    public static List<String> of(Database db) {
        return db.readRaw(
                c -> {
                    List<String> rows = new ArrayList<>();
                    for (String table : TABLES) {
                        try (var ps = c.prepareStatement("SELECT * FROM " + table);
                                ResultSet rs = ps.executeQuery()) {
                            ResultSetMetaData md = rs.getMetaData();
                            while (rs.next()) {
                                StringBuilder row = new StringBuilder(table).append(':');
                                for (int i = 1; i <= md.getColumnCount(); i++) {
                                    String col =
                                            md.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
                                    if (VOLATILE_COLUMNS.contains(col)) {
                                        continue;
                                    }
                                    Object v = rs.getObject(i);
                                    row.append(col).append('=');
                                    row.append(
                                            v instanceof byte[] b
                                                    ? HexFormat.of().formatHex(b)
                                                    : String.valueOf(v));
                                    row.append(';');
                                }
                                rows.add(row.toString());
                            }
                        }
                    }
                    rows.sort(null);
                    return rows;
                });
    }
}
