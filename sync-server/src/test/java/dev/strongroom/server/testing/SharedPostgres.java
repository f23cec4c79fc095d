package dev.strongroom.server.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL per test JVM (starting one takes seconds); every test gets its own
 * database in it, so tests stay isolated without paying the start-up again.
 */
public final class SharedPostgres {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private SharedPostgres() {}

    private static synchronized EmbeddedPostgres instance() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        try {
                                            started.close();
                                        } catch (IOException e) {
                                            // JVM is exiting anyway
                                        }
                                    }));
        }
        return postgres;
    }

    /** Creates an empty database and returns its JDBC URL (user postgres, no password). */
    public static String freshDatabaseUrl() {
        EmbeddedPostgres pg = instance();
        String name =
                "strongroom_test_"
                        + ProcessHandle.current().pid()
                        + "_"
                        + COUNTER.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database", e);
        }
        return pg.getJdbcUrl("postgres", name);
    }
}
