package dev.strongroom.client.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * Creates a fresh cache file, or validates an existing one before anything is read or written:
 * SQLite header, {@code PRAGMA quick_check}, application id, format version, exact schema, meta row
 * and its HMAC. Only then are WAL and the other settings applied.
 */
final class CacheOpener {

    private CacheOpener() {}

    static Connection create(Path file, CacheKey key, CacheProfile profile)
            throws IOException, SQLException {
        CacheFiles.createOwnerOnly(file);
        Connection conn = Sql.connect(file);
        try {
            Sql.applySettings(conn);
            conn.setAutoCommit(false);
            try (Statement st = conn.createStatement()) {
                for (String ddl : Schema.DDL) {
                    st.execute(ddl);
                }
                st.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
                st.execute("PRAGMA user_version = " + Schema.FORMAT_VERSION);
            }
            long createdAt = Instant.now().toEpochMilli();
            String sql =
                    "INSERT INTO meta (id, format_version, account_id, server_url, created_at, mac)"
                            + " VALUES (1, ?, ?, ?, ?, ?)";
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setInt(1, Schema.FORMAT_VERSION);
                ps.setString(2, profile.accountId());
                ps.setString(3, profile.serverUrl());
                ps.setLong(4, createdAt);
                ps.setBytes(
                        5,
                        new TrustRows(conn, key, profile)
                                .metaMac(Schema.FORMAT_VERSION, createdAt));
                ps.executeUpdate();
            }
            conn.commit();
            conn.setAutoCommit(true);
            return conn;
        } catch (SQLException | RuntimeException e) {
            conn.close();
            throw e;
        }
    }

    static Connection openExisting(Path file, CacheKey key, CacheProfile profile)
            throws IOException {
        CacheFiles.checkSqliteHeader(file);
        try (Connection readOnly = Sql.connect(file, true)) {
            validate(readOnly, file, key, profile);
        } catch (SQLException e) {
            throw classify(file, e);
        }
        Connection conn;
        try {
            conn = Sql.connect(file);
        } catch (SQLException e) {
            throw classify(file, e);
        }
        try {
            Sql.applySettings(conn);
            return conn;
        } catch (SQLException e) {
            closeQuietly(conn);
            throw new CacheException("cache file " + file.getFileName() + " cannot be opened", e);
        }
    }

    private static void validate(Connection conn, Path file, CacheKey key, CacheProfile profile)
            throws SQLException {
        String name = "cache file " + file.getFileName();
        List<String> check = strings(conn, "PRAGMA quick_check");
        if (!check.equals(List.of("ok"))) {
            throw new CacheCorruptException(name + " fails SQLite's integrity check");
        }
        if (integer(conn, "PRAGMA application_id") != Schema.APPLICATION_ID) {
            throw new CacheCorruptException(name + " is not a Strongroom cache");
        }
        int version = integer(conn, "PRAGMA user_version");
        if (version != Schema.FORMAT_VERSION) {
            throw new UnsupportedCacheFormatException(version, Schema.FORMAT_VERSION);
        }
        if (!schemaOf(conn).equals(ExpectedSchema.ROWS)) {
            throw new CacheCorruptException(name + " does not have the expected schema");
        }
        String sql = "SELECT format_version, account_id, server_url, created_at, mac FROM meta";
        try (PreparedStatement ps = conn.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || rs.getInt(1) != Schema.FORMAT_VERSION) {
                throw new CacheCorruptException(name + " has no valid meta row");
            }
            if (!profile.accountId().equals(rs.getString(2))
                    || !profile.serverUrl().equals(rs.getString(3))) {
                throw new CacheCorruptException(name + " belongs to another account or server");
            }
            new TrustRows(conn, key, profile)
                    .checkMeta(rs.getInt(1), rs.getLong(4), rs.getBytes(5));
        }
    }

    /** Every schema object as "type|name|table|sql", sorted. */
    static List<String> schemaOf(Connection conn) throws SQLException {
        return strings(
                conn,
                "SELECT type || '|' || name || '|' || tbl_name || '|' || coalesce(sql, '')"
                        + " FROM sqlite_schema ORDER BY type, name");
    }

    private static List<String> strings(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    private static int integer(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static CacheException classify(Path file, SQLException e) {
        if (Sql.isBusy(e)) {
            return new CacheException("cache file " + file.getFileName() + " is locked", e);
        }
        return new CacheCorruptException(
                "cache file " + file.getFileName() + " cannot be read as SQLite", e);
    }

    private static void closeQuietly(Connection conn) {
        try {
            conn.close();
        } catch (SQLException ignored) {
            // already failing; the original error is what matters
        }
    }

    /** The schema a fresh cache has, computed once in an in-memory database. */
    private static final class ExpectedSchema {
        static final List<String> ROWS = compute();

        private static List<String> compute() {
            try (Connection mem = new SQLiteConfig().createConnection("jdbc:sqlite::memory:");
                    Statement st = mem.createStatement()) {
                for (String ddl : Schema.DDL) {
                    st.execute(ddl);
                }
                return schemaOf(mem);
            } catch (SQLException e) {
                throw new IllegalStateException("cache schema does not compile", e);
            }
        }
    }
}
