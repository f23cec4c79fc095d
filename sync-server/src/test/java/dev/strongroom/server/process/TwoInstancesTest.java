package dev.strongroom.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.srp.SrpClient;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.LoginFinishRequest;
import dev.strongroom.model.wire.LoginFinishResponse;
import dev.strongroom.model.wire.LoginStartRequest;
import dev.strongroom.model.wire.LoginStartResponse;
import dev.strongroom.model.wire.SrpProof;
import dev.strongroom.model.wire.VaultKeysResponse;
import dev.strongroom.server.testing.Api;
import dev.strongroom.server.testing.ServerProcess;
import dev.strongroom.server.testing.SharedPostgres;
import dev.strongroom.server.testing.TestTeam;
import dev.strongroom.server.testing.TestUser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes on one PostgreSQL, a client alternating between them: instances keep no
 * state of their own (SRP challenges, sessions, rate limits, team state all live in the database),
 * and check-and-set conflicts are detected across instances.
 */
class TwoInstancesTest {

    @TempDir Path dir;

    @Test
    void aClientCanAlternateBetweenInstances() {
        String url = SharedPostgres.freshDatabaseUrl();
        String[] args = {"--db-url", url, "--db-user", "postgres"};
        try (ServerProcess one = ServerProcess.start(dir.resolve("one.log"), args);
                ServerProcess two = ServerProcess.start(dir.resolve("two.log"), args)) {
            Api a = one.api();
            Api b = two.api();

            TestUser alice = new TestUser("alice").register(a);
            // SRP step one on instance one, step two on instance two
            LoginStartResponse start =
                    a.post("/api/v1/login/start", null, new LoginStartRequest(alice.email))
                            .as(LoginStartResponse.class);
            try (SrpClient client =
                    new SrpClient(
                            TestUser.GROUP,
                            alice.email.getBytes(StandardCharsets.UTF_8),
                            alice.authSecret,
                            alice.srpSalt)) {
                byte[] m1 = client.respond(start.serverPublicB());
                Api.Response finish =
                        b.post(
                                "/api/v1/login/finish",
                                null,
                                new LoginFinishRequest(
                                        new SrpProof(start.loginId(), client.publicA(), m1),
                                        "laptop"));
                assertThat(finish.status()).as(finish.body()).isEqualTo(200);
                LoginFinishResponse f = finish.as(LoginFinishResponse.class);
                client.verifyServer(f.serverProofM2());
                alice.token = f.sessionToken();
                // the same challenge cannot be replayed on the other instance
                Api.Response replay =
                        a.post(
                                "/api/v1/login/finish",
                                null,
                                new LoginFinishRequest(
                                        new SrpProof(start.loginId(), client.publicA(), m1),
                                        "laptop"));
                assertThat(replay.status()).isEqualTo(401);
            }
            assertThat(a.get("/api/v1/account", alice.token).status()).isEqualTo(200);
            assertThat(b.get("/api/v1/account", alice.token).status()).isEqualTo(200);

            TestUser bob = new TestUser("bob").register(b).login(a);
            TestTeam teamOnA = new TestTeam(a).create(alice);
            UUID vault = teamOnA.createVault(alice);
            // the same log continues through the other instance
            TestTeam team = teamOnA.via(b);
            team.addMember(alice, bob, Role.MEMBER);
            team.via(a).grant(alice, vault, bob, Permission.WRITE, 1);
            assertThat(
                            b.get("/api/v1/vaults/" + vault + "/keys", bob.token)
                                    .as(VaultKeysResponse.class)
                                    .wraps())
                    .hasSize(1);

            UUID item = UUID.randomUUID();
            TestTeam.created(TestTeam.createItem(a, alice, vault, item, 1));
            assertThat(TestTeam.updateItem(b, bob, vault, item, 1, 1, false).status())
                    .isEqualTo(200);
            Api.Response conflict = TestTeam.updateItem(a, alice, vault, item, 1, 1, false);
            assertThat(conflict.status()).isEqualTo(409);
            assertThat(conflict.json().path("error").path("currentRevision").asLong()).isEqualTo(2);
            assertThat(
                            a.get("/api/v1/vaults/" + vault + "/items/" + item, alice.token)
                                    .as(ItemResponse.class)
                                    .revision())
                    .isEqualTo(2);

            // rate-limit state is shared: failures on one instance lock the email on the other
            for (int i = 0; i < 5; i++) {
                assertThat(alice.tryLogin(i % 2 == 0 ? a : b, Randoms.bytes(32)).status())
                        .isEqualTo(401);
            }
            assertThat(
                            b.post("/api/v1/login/start", null, new LoginStartRequest(alice.email))
                                    .status())
                    .isEqualTo(429);
            assertThat(
                            a.post("/api/v1/login/start", null, new LoginStartRequest(alice.email))
                                    .status())
                    .isEqualTo(429);

            // both instances appended to one audit chain
            assertThat(two.terminate()).isIn(0, 143);
            assertThat(one.terminate()).isIn(0, 143);
        }
    }
}
