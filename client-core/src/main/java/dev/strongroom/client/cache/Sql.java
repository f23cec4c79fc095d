package dev.strongroom.client.cache;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

/** Opening SQLite connections and turning SQLite errors into the cache's typed exceptions. */
final class Sql {

    /** How long a writer waits for another process (CLI and agent) before giving up. */
    static final int BUSY_TIMEOUT_MS = 5_000;

    private Sql() {}

    /** Opens an existing file read-write, never creating it. */
    static Connection connect(Path file) throws SQLException {
        return connect(file, false);
    }

    /**
     * Opens an existing file without creating it and without any pragma that writes. Validation
     * uses {@code readOnly}, so a suspect file (and any stale -wal next to it) is never modified: a
     * read-write connection would checkpoint and delete the -wal when it closes.
     */
    static Connection connect(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        config.setReadOnly(readOnly);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        // Writers take the lock when the transaction starts, so two processes never deadlock
        // upgrading read locks.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** Settings applied after validation: WAL, FULL fsync on commit, enforced foreign keys. */
    static void applySettings(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA synchronous = FULL");
            st.execute("PRAGMA foreign_keys = ON");
            st.execute("PRAGMA trusted_schema = OFF");
        }
    }

    static boolean isBusy(SQLException e) {
        if (e instanceof SQLiteException s) {
            int primary = s.getResultCode().code & 0xff;
            return primary == SQLiteErrorCode.SQLITE_BUSY.code
                    || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
        }
        return false;
    }

    /** True for SQLite's "database disk image is malformed" and "file is not a database". */
    static boolean isCorrupt(SQLException e) {
        if (e instanceof SQLiteException s) {
            int primary = s.getResultCode().code & 0xff;
            return primary == SQLiteErrorCode.SQLITE_CORRUPT.code
                    || primary == SQLiteErrorCode.SQLITE_NOTADB.code;
        }
        return false;
    }

    /**
     * Maps a failed statement: a trigger's refusal becomes {@link RollbackRefusedException},
     * corruption found mid-session {@link CacheCorruptException} (so the caller rebuilds), anything
     * else a {@link CacheException} naming what was being done.
     */
    static CacheException failure(String doing, SQLException e, String subject) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf(Schema.RAISE_PREFIX);
        if (at >= 0) {
            String name = message.substring(at + Schema.RAISE_PREFIX.length()).split("[^A-Z_]")[0];
            for (RollbackRefusedException.Reason reason :
                    RollbackRefusedException.Reason.values()) {
                if (reason.name().equals(name)) {
                    return new RollbackRefusedException(reason, subject + " was refused");
                }
            }
        }
        if (isCorrupt(e)) {
            return new CacheCorruptException("cache: " + doing + " found a corrupt file", e);
        }
        return new CacheException("cache: " + doing + " failed: " + message, e);
    }
}
