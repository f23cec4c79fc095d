package dev.strongroom.server.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.model.recovery.RecoveryDecisionBody;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.recovery.SignedRecoveryMessage;
import dev.strongroom.model.wire.RecoveryDecisionRequest;
import dev.strongroom.model.wire.RecoveryEnrollmentRequest;
import dev.strongroom.model.wire.RecoveryPaths;
import dev.strongroom.model.wire.RecoveryReleaseResponse;
import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.cli.ServerCommand;
import dev.strongroom.server.config.ServerConfig;
import dev.strongroom.server.recovery.RecoveryApiTest.World;
import dev.strongroom.server.testing.Api;
import dev.strongroom.server.testing.Backend;
import dev.strongroom.server.testing.DbSnapshot;
import dev.strongroom.server.testing.SharedPostgres;
import dev.strongroom.server.testing.TestServer;
import dev.strongroom.server.testing.TestUser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * migrate-db carries every recovery table (policies, shares, enrollments, requests, decisions with
 * and without a share) from SQLite to PostgreSQL row for row, and a request approved on SQLite is
 * released on PostgreSQL.
 */
class RecoveryMigrateDbTest {

    @TempDir Path dir;

    @Test
    void recoveryStateMovesToPostgresIntact() {
        World w;
        UUID id;
        List<String> rows;
        try (TestServer sqlite = TestServer.start(Backend.SQLITE, dir)) {
            Api api = sqlite.api();
            w = RecoveryApiTest.world(api, 0);
            api.put(
                    RecoveryPaths.enrollment(w.team().id),
                    w.erin().token,
                    new RecoveryEnrollmentRequest(1, Randoms.bytes(80)));
            id = w.recovery().open(w.erin(), new RecoveryScope("team", w.team().id.toString()));
            SignedRecoveryMessage request = RecoveryApiTest.signed(api, w, id);
            for (TestUser u : List.of(w.bob(), w.carol())) {
                assertThat(
                                w.recovery()
                                        .decide(u, id, w.recovery().approval(u, id, request))
                                        .status())
                        .isEqualTo(200);
            }
            RecoveryDecisionRequest deny =
                    new RecoveryDecisionRequest(
                            w.recovery()
                                    .decision(
                                            w.dave(), id, request, RecoveryDecisionBody.DENY, null),
                            null);
            assertThat(w.recovery().decide(w.dave(), id, deny).status()).isEqualTo(200);
            rows = sqlite.snapshot();
        }
        assertThat(rows)
                .anyMatch(r -> r.startsWith("recovery_policies:"))
                .anyMatch(r -> r.startsWith("recovery_shares:"))
                .anyMatch(r -> r.startsWith("recovery_account_enrollments:"))
                .anyMatch(r -> r.startsWith("recovery_requests:"))
                .anyMatch(r -> r.startsWith("recovery_decisions:"));
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
        ServerConfig pg =
                ServerConfig.defaults(dir).withPort(0).withPostgres(url, "postgres", null);
        try (StrongroomServer server = StrongroomServer.start(pg)) {
            assertThat(DbSnapshot.of(server.database())).isEqualTo(rows);
            Api api = new Api("http://127.0.0.1:" + server.port());
            Api.Response r = api.get(RecoveryPaths.release(w.team().id, id), w.erin().token);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.as(RecoveryReleaseResponse.class).approvals()).hasSize(2);
        }
    }
}
