package dev.strongroom.server.cli;

import dev.strongroom.server.config.DataDirs;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the data is: a SQLite data directory (default) or a PostgreSQL JDBC URL. */
final class DatabaseOptions {

    @Option(
            names = "--data-dir",
            description =
                    "Data directory of the embedded SQLite database"
                            + " (default: $XDG_DATA_HOME/strongroom-server or"
                            + " ~/.local/share/strongroom-server).")
    Path dataDir;

    @Option(
            names = "--db-url",
            description =
                    "PostgreSQL JDBC URL (jdbc:postgresql://host/db); when set, SQLite is not used.")
    String dbUrl;

    @Option(names = "--db-user", description = "PostgreSQL user.")
    String dbUser;

    @Option(
            names = "--db-password",
            description = "PostgreSQL password (prefer the STRONGROOM_DB_PASSWORD variable).")
    String dbPassword;

    @Option(names = "--db-pool-size", defaultValue = "10", description = "PostgreSQL pool size.")
    int dbPoolSize;

    Path dataDirOrDefault() {
        return dataDir != null
                ? dataDir
                : DataDirs.defaultDataDir(System.getenv(), System.getProperty("user.home"));
    }
}
