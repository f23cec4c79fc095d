package dev.strongroom.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.strongroom.server.audit.AuditEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The storage layer: one API over SQLite (embedded default) and PostgreSQL (scale-out).
 *
 * <p>SQLite runs in WAL mode with {@code synchronous=FULL}, so a commit that returned has reached
 * the disk and survives {@code kill -9}; foreign keys are enforced and a busy timeout covers short
 * contention. Writers are serialised by a pool of exactly one write connection whose transactions
 * begin IMMEDIATE (no lock upgrades, no SQLITE_BUSY deadlocks); readers use their own pool of
 * connections in DEFERRED transactions and see a consistent WAL snapshot.
 *
 * <p>PostgreSQL uses one pool; writes run at READ COMMITTED and take the row locks they need (vault
 * rows for change sequences, the audit head for the audit chain), reads run as READ ONLY REPEATABLE
 * READ snapshots. No state lives in the process, so any number of instances can share one database.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Runs just before a write batch commits, with the audit events its writes recorded. */
    @FunctionalInterface
    public interface BeforeCommit {
        void run(Tx tx, List<AuditEvent> events) throws SQLException;
    }

    private final Dialect dialect;
    private final HikariDataSource writePool;
    private final HikariDataSource readPool;
    private final DataSource migrationSource;
    private final String description;
    private final GroupCommit writer;
    private volatile BeforeCommit beforeCommit =
            (tx, events) -> {
                if (!events.isEmpty()) {
                    throw new IllegalStateException("no audit log installed");
                }
            };

    private Database(
            Dialect dialect,
            HikariDataSource writePool,
            HikariDataSource readPool,
            DataSource migrationSource,
            String description) {
        this.dialect = dialect;
        this.writePool = writePool;
        this.readPool = readPool;
        this.migrationSource = migrationSource;
        this.description = description;
        this.writer =
                new GroupCommit(
                        "strongroom-writer",
                        this::openWriteConnection,
                        (c, events) -> beforeCommit.run(new Tx(c, dialect, true), events));
    }

    private Connection openWriteConnection() throws SQLException {
        // PostgreSQL's write pool hands out READ COMMITTED connections: setting it per batch
        // would cost a round trip each way
        return transactional(writePool.getConnection());
    }

    /** Opens (creating if needed) the SQLite database in a data directory. */
    public static Database openSqlite(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            try {
                Files.setPosixFilePermissions(
                        dataDir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the directory keeps its default permissions
            }
        } catch (IOException e) {
            throw new DatabaseException("cannot create data directory " + dataDir, e);
        }
        Path file = dataDir.resolve("strongroom.db");
        String url = "jdbc:sqlite:" + file.toAbsolutePath();

        SQLiteDataSource writer = sqlite(url, false);
        SQLiteDataSource reader = sqlite(url, true);
        HikariDataSource writePool = pool("strongroom-sqlite-write", writer, 1);
        HikariDataSource readPool = pool("strongroom-sqlite-read", reader, 4);
        return new Database(
                Dialect.SQLITE, writePool, readPool, sqlite(url, false), file.toString());
    }

    /**
     * Connects to PostgreSQL. User and password may be null when the URL carries them. Reads and
     * writes get pools of their own whose connections are configured once (read: READ ONLY,
     * REPEATABLE READ; write: READ COMMITTED), so a transaction costs no extra round trips to set
     * them and Hikari none to reset them.
     */
    public static Database openPostgres(
            String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig read = postgresConfig("strongroom-postgresql-read", jdbcUrl, user, password);
        read.setMaximumPoolSize(poolSize);
        read.setReadOnly(true);
        read.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
        HikariConfig write = postgresConfig("strongroom-postgresql-write", jdbcUrl, user, password);
        write.setMaximumPoolSize(2); // the group-commit writer and maintenance work
        write.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        HikariDataSource writePool = new HikariDataSource(write);
        HikariDataSource readPool = new HikariDataSource(read);
        return new Database(Dialect.POSTGRESQL, writePool, readPool, writePool, redact(jdbcUrl));
    }

    private static HikariConfig postgresConfig(
            String name, String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMinimumIdle(1);
        config.setAutoCommit(false);
        // one multi-row INSERT per batch instead of one execution per row: the group-commit
        // writer appends every queued read record in one batch (nothing reads the batch counts)
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return config;
    }

    private static SQLiteDataSource sqlite(String url, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(15_000);
        // Read connections are not opened read-only: Hikari resets that flag, which sqlite-jdbc
        // refuses after opening. They only ever run Database.read work in DEFERRED transactions.
        if (!readOnly) {
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl(url);
        return ds;
    }

    private static HikariDataSource pool(String name, DataSource source, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setDataSource(source);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        // auto-commit at rest: sqlite-jdbc begins the next transaction right after each commit,
        // so an idle IMMEDIATE writer would hold the write lock (and block migrations)
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    /** Leaves auto-commit; a no-op on PostgreSQL, whose pools hand out connections without it. */
    private static Connection transactional(Connection c) throws SQLException {
        try {
            if (c.getAutoCommit()) {
                c.setAutoCommit(false);
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** The URL without user information or query parameters, fit for a log line. */
    static String redact(String jdbcUrl) {
        String out = jdbcUrl.replaceAll("//[^/@]*@", "//");
        int q = out.indexOf('?');
        return q < 0 ? out : out.substring(0, q);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Where the data is, without credentials: the SQLite file or the PostgreSQL URL. */
    public String description() {
        return description;
    }

    /** Installs the hook that appends audit events (the audit log). */
    public void setBeforeCommit(BeforeCommit hook) {
        this.beforeCommit = Objects.requireNonNull(hook);
    }

    /** Applies pending schema migrations of this dialect. */
    public void migrate() {
        Flyway.configure()
                .dataSource(migrationSource)
                .locations(dialect.migrationLocation())
                .loggers("slf4j")
                .load()
                .migrate();
    }

    /** Runs read-only work in one consistent snapshot. */
    public <T> T read(SqlFunction<T> work) {
        try (Connection c = transactional(readPool.getConnection())) {
            try {
                T result = work.apply(new Tx(c, dialect, false));
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException("read failed", e);
        }
    }

    /**
     * Runs read work that issues exactly one statement, in auto-commit mode: a single statement
     * sees one consistent snapshot by itself, and PostgreSQL then needs no BEGIN and COMMIT, so the
     * read is one round trip instead of three. A second statement fails ({@link Tx}), because it
     * would see a different snapshot.
     */
    public <T> T readStatement(SqlFunction<T> work) {
        try (Connection c = readPool.getConnection()) {
            // local on both drivers (no transaction is open); the pool restores its default
            c.setAutoCommit(true);
            return work.apply(Tx.singleStatement(c, dialect));
        } catch (SQLException e) {
            throw new DatabaseException("read failed", e);
        }
    }

    /**
     * Runs work in a write transaction, appends the audit events it recorded, and returns once that
     * is committed. Concurrent writes share one transaction and one commit ({@link GroupCommit}),
     * each in a savepoint of its own, so a failing write undoes only itself. Retried on transient
     * contention (SQLite busy, PostgreSQL deadlock or serialization failure), so the work must not
     * have effects outside the transaction that cannot be repeated, and must not itself call {@code
     * write}.
     */
    @SuppressWarnings("unchecked")
    public <T> T write(SqlFunction<T> work) {
        return (T)
                writer.submit(
                        (c, audit) -> {
                            Tx tx = new Tx(c, dialect, true);
                            T result = work.apply(tx);
                            audit.addAll(tx.pendingAudit());
                            return result;
                        });
    }

    /**
     * Queues an audit record without waiting for its commit: for records whose loss in a crash of
     * the last few milliseconds is acceptable (records of reads), so the reader is not held up by a
     * disk flush. It takes its place in the chain in queue order like any other.
     */
    public void auditDetached(AuditEvent event) {
        writer.submitDetached(event);
    }

    /** Returns once every write queued before this call, detached ones included, is committed. */
    public void flushWrites() {
        writer.flush();
    }

    /** Group-commit batches run so far and the writes they held, as {@code {batches, writes}}. */
    public long[] writeBatchCounts() {
        return writer.counts();
    }

    /** Raw connection work for maintenance (copying), in one write transaction, no audit. */
    public <T> T writeRaw(RawWork<T> work) {
        return raw(writePool, work, "write failed");
    }

    /** Raw connection work for maintenance (copying), in one read snapshot. */
    public <T> T readRaw(RawWork<T> work) {
        return raw(readPool, work, "read failed");
    }

    private static <T> T raw(DataSource pool, RawWork<T> work, String failure) {
        try (Connection c = transactional(pool.getConnection())) {
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException(failure, e);
        }
    }

    /** Work on a bare connection. */
    @FunctionalInterface
    public interface RawWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed: {}", e.getClass().getSimpleName());
        }
    }

    /** True when the database answers a trivial query. */
    public boolean isHealthy() {
        try {
            return read(tx -> tx.queryLong("SELECT 1") == 1);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        writer.close();
        writePool.close();
        if (readPool != writePool) {
            readPool.close();
        }
    }
}
