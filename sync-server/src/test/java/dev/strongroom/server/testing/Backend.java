package dev.strongroom.server.testing;

import dev.strongroom.server.config.ServerConfig;
import dev.strongroom.server.db.Database;
import java.nio.file.Path;

/** The two storage backends every storage test runs on. */
public enum Backend {
    SQLITE,
    POSTGRESQL;

    /** A configuration on a fresh, empty database of this backend, on a free port. */
    public ServerConfig freshConfig(Path dataDir) {
        ServerConfig base = ServerConfig.defaults(dataDir).withPort(0);
        return this == SQLITE
                ? base
                : base.withPostgres(SharedPostgres.freshDatabaseUrl(), "postgres", null);
    }

    /** Opens and migrates a fresh database of this backend. */
    public Database freshDatabase(Path dataDir) {
        Database db =
                this == SQLITE
                        ? Database.openSqlite(dataDir)
                        : Database.openPostgres(
                                SharedPostgres.freshDatabaseUrl(), "postgres", null, 4);
        db.migrate();
        return db;
    }
}
