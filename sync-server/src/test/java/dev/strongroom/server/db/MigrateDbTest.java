package dev.strongroom.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.server.audit.AuditLog;
import dev.strongroom.server.cli.ServerCommand;
import dev.strongroom.server.config.ServerConfig;
import dev.strongroom.server.testing.Backend;
import dev.strongroom.server.testing.DbSnapshot;
import dev.strongroom.server.testing.SharedPostgres;
import dev.strongroom.server.testing.TestServer;
import dev.strongroom.server.testing.TestUser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateDbTest {

    @TempDir Path dir;

    @Test
    void anInstallationMovesToPostgresWithItsAuditChainAndLoginsIntact() {
        TestUser alice;
        List<String> sqliteRows;
        try (TestServer sqlite = TestServer.start(Backend.SQLITE, dir)) {
            alice = new TestUser("move").register(sqlite.api()).login(sqlite.api());
            new TestUser("other").register(sqlite.api());
            sqliteRows = sqlite.snapshot();
        }
        String url = SharedPostgres.freshDatabaseUrl();
        int code =
                ServerCommand.run(
                        new String[] {
                            "migrate-db",
                            "--from",
                            dir.toString(),
                            "--to",
                            url,
                            "--to-user",
                            "postgres"
                        },
                        Map.of());
        assertThat(code).isZero();

        ServerConfig pgConfig =
                ServerConfig.defaults(dir).withPort(0).withPostgres(url, "postgres", null);
        try (var pg = dev.strongroom.server.StrongroomServer.start(pgConfig)) {
            assertThat(DbSnapshot.of(pg.database())).isEqualTo(sqliteRows);
            assertThat(new AuditLog(pg.database()).verify().ok()).isTrue();
            var api = new dev.strongroom.server.testing.Api("http://127.0.0.1:" + pg.port());
            // the session made on SQLite still works, and the account can log in again
            assertThat(api.get("/api/v1/account", alice.token).status()).isEqualTo(200);
            alice.login(api);
        }
        // a second run refuses to merge into a non-empty target
        assertThat(
                        ServerCommand.run(
                                new String[] {
                                    "migrate-db",
                                    "--from",
                                    dir.toString(),
                                    "--to",
                                    url,
                                    "--to-user",
                                    "postgres"
                                },
                                Map.of()))
                .isEqualTo(1);
    }
}
