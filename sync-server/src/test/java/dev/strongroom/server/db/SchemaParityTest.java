package dev.strongroom.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.server.testing.Backend;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both dialects' migrations must produce the same tables and columns. */
class SchemaParityTest {

    @TempDir Path dir;

    @Test
    void sqliteAndPostgresHaveTheSameTablesAndColumns() {
        Set<String> sqlite;
        Set<String> postgres;
        try (Database db = Backend.SQLITE.freshDatabase(dir)) {
            sqlite = columns(db);
        }
        try (Database db = Backend.POSTGRESQL.freshDatabase(dir)) {
            postgres = columns(db);
        }
        assertThat(sqlite).hasSizeGreaterThan(100);
        assertThat(postgres).isEqualTo(sqlite);
        assertThat(
                        DatabaseCopier.TABLES.stream()
                                .map(t -> t + ".")
                                .allMatch(t -> sqlite.stream().anyMatch(c -> c.startsWith(t))))
                .isTrue();
    }

    private static Set<String> columns(Database db) {
        return db.readRaw(
                c -> {
                    Set<String> out = new TreeSet<>();
                    try (ResultSet tables =
                            c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                        while (tables.next()) {
                            String table = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                            if (table.startsWith("flyway") || table.startsWith("sqlite_")) {
                                continue;
                            }
                            try (ResultSet cols =
                                    c.getMetaData()
                                            .getColumns(
                                                    null,
                                                    null,
                                                    tables.getString("TABLE_NAME"),
                                                    "%")) {
                                while (cols.next()) {
                                    out.add(
                                            table
                                                    + "."
                                                    + cols.getString("COLUMN_NAME")
                                                            .toLowerCase(Locale.ROOT));
                                }
                            }
                        }
                    }
                    return out;
                });
    }
}
