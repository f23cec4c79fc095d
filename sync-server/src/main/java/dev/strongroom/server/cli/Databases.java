package dev.strongroom.server.cli;

import dev.strongroom.server.db.Database;

/** Opens the database that command-line options point at. */
final class Databases {

    private Databases() {}

    static Database open(DatabaseOptions options) {
        return options.dbUrl != null
                ? Database.openPostgres(
                        options.dbUrl, options.dbUser, options.dbPassword, options.dbPoolSize)
                : Database.openSqlite(options.dataDirOrDefault());
    }
}
