package dev.strongroom.server.db;

/** The two supported databases. SQL is shared where it can be; the rest branches on this. */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String migrationFolder;

    Dialect(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    /** Flyway location of this dialect's migrations. */
    public String migrationLocation() {
        return "classpath:db/migration/" + migrationFolder;
    }
}
