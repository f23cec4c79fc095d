package dev.strongroom.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.srp.SrpClient;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.wire.AppendLogRequest;
import dev.strongroom.model.wire.ChangesResponse;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.KeyWrapUpload;
import dev.strongroom.model.wire.LoginFinishRequest;
import dev.strongroom.model.wire.LoginFinishResponse;
import dev.strongroom.model.wire.LoginStartRequest;
import dev.strongroom.model.wire.LoginStartResponse;
import dev.strongroom.model.wire.SrpProof;
import dev.strongroom.model.wire.VaultKeysResponse;
import dev.strongroom.server.testing.Api;
import dev.strongroom.server.testing.ServerProcess;
import dev.strongroom.server.testing.SharedPostgres;
import dev.strongroom.server.testing.TestMachine;
import dev.strongroom.server.testing.TestTeam;
import dev.strongroom.server.testing.TestUser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server PROCESSES on one PostgreSQL database and a client alternating between them. Proves the
 * instances keep no state of their own: an SRP login started on A finishes on B and cannot be
 * replayed on A; a session made on B works on A and a logout on A ends it on B; the team log chains
 * across instances and a replayed entry is refused; writes alternate and each instance reads the
 * other's latest revision; a check-and-set conflict across instances is a 409 with the current
 * revision; a machine revoked on one instance is refused by the other at once; login failures on
 * both count towards one lockout (rate-limit state is in the database); and both extend one audit
 * chain, which the {@code audit verify} command accepts afterwards.
 */
class TwoInstancesTest {

    @TempDir Path dir;

    @Test
    void aClientAlternatingBetweenTwoProcessesSeesOneServer() throws Exception {
        String url = SharedPostgres.freshDatabaseUrl();
        List<String> db = List.of("--db-url", url, "--db-user", "postgres");
        try (ServerProcess one = ServerProcess.start(dir, db);
                ServerProcess two = ServerProcess.start(dir, db)) {
            Api a = one.api();
            Api b = two.api();

            TestUser alice = new TestUser("alice").register(a);
            loginAcross(alice, a, b);
            assertThat(a.get("/api/v1/account", alice.token).status()).isEqualTo(200);

            // team created on A, vault created by an entry appended on B, replay on A refused
            TestTeam team = new TestTeam(a).create(alice);
            UUID vault = UUID.randomUUID();
            byte[] wrap = Randoms.bytes(80);
            SignedLogEntry entry =
                    team.next(
                            alice,
                            new LogAction.CreateVault(vault.toString(), TestTeam.digest(wrap)));
            AppendLogRequest create =
                    new AppendLogRequest(
                            entry,
                            Randoms.bytes(40),
                            List.of(new KeyWrapUpload(1, alice.id.toString(), wrap)),
                            List.of());
            team.via(b).ok(team.append(alice, entry, create));
            Api.Response replay = a.post("/api/v1/teams/" + team.id + "/log", alice.token, create);
            assertThat(replay.status()).as(replay.body()).isBetween(400, 499);

            TestUser bob = new TestUser("bob").register(b).login(a);
            team.via(a).addMember(alice, bob, Role.MEMBER);
            team.via(b).grant(alice, vault, bob, Permission.WRITE, 1);
            assertThat(
                            a.get("/api/v1/vaults/" + vault + "/keys", bob.token)
                                    .as(VaultKeysResponse.class)
                                    .wraps())
                    .hasSize(1);

            // writes alternate between the instances; each reads the other's latest
            UUID item = UUID.randomUUID();
            TestTeam.created(TestTeam.createItem(a, alice, vault, item, 1));
            long rev = 1;
            for (int i = 0; i < 10; i++) {
                Api writer = i % 2 == 0 ? b : a;
                Api reader = i % 2 == 0 ? a : b;
                Api.Response w =
                        TestTeam.updateItem(
                                writer, i % 3 == 0 ? bob : alice, vault, item, rev, 1, false);
                assertThat(w.status()).as(w.body()).isEqualTo(200);
                rev = w.as(ItemResponse.class).revision();
                assertThat(rev).isEqualTo(i + 2);
                assertThat(
                                reader.get(
                                                "/api/v1/vaults/" + vault + "/items/" + item,
                                                alice.token)
                                        .as(ItemResponse.class)
                                        .revision())
                        .isEqualTo(rev);
            }

            // a check-and-set conflict across instances
            assertThat(TestTeam.updateItem(a, alice, vault, item, rev, 1, false).status())
                    .isEqualTo(200);
            Api.Response stale = TestTeam.updateItem(b, bob, vault, item, rev, 1, false);
            assertThat(stale.status()).as(stale.body()).isEqualTo(409);
            assertThat(stale.errorCode()).isEqualTo("revision_conflict");
            assertThat(stale.json().path("error").path("currentRevision").asLong())
                    .isEqualTo(rev + 1);
            ChangesResponse changes =
                    b.get("/api/v1/vaults/" + vault + "/changes?since=0", alice.token)
                            .as(ChangesResponse.class);
            assertThat(changes.items()).extracting(ItemResponse::revision).containsExactly(rev + 1);

            // a machine created through A and revoked through B is refused by A at once
            TestMachine machine = new TestMachine();
            machine.create(a, team.via(a), alice, null);
            team.via(a).grantMachine(alice, vault, machine.id, Permission.READ, 1);
            assertThat(a.get("/api/v1/vaults/" + vault, machine.token).status()).isEqualTo(200);
            assertThat(machine.revoke(team.via(b), alice).status()).isEqualTo(200);
            assertThat(a.get("/api/v1/vaults/" + vault, machine.token).errorCode())
                    .isEqualTo("token_revoked");

            // rate-limit state is shared: failures on both instances count towards one lockout
            TestUser carol = new TestUser("carol").register(a);
            int locked = 0;
            for (int i = 0; i < 8; i++) {
                Api api = i % 2 == 0 ? a : b;
                if (api.post("/api/v1/login/start", null, new LoginStartRequest(carol.email))
                                .status()
                        == 429) {
                    locked++;
                    continue;
                }
                int status = carol.tryLogin(api, Randoms.bytes(32)).status();
                assertThat(status).isIn(401, 429);
                locked += status == 429 ? 1 : 0;
            }
            assertThat(locked).isPositive();

            // logout on A ends the session on B
            assertThat(a.post("/api/v1/logout", alice.token, "{}").status()).isBetween(200, 204);
            assertThat(b.get("/api/v1/account", alice.token).status()).isEqualTo(401);

            assertThat(two.terminate()).isIn(0, 143);
            assertThat(one.terminate()).isIn(0, 143);
        }
        // both instances extended one chain
        ServerProcess.Result verify =
                ServerProcess.run(
                        List.of("audit", "verify", "--db-url", url, "--db-user", "postgres"));
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("audit chain intact");
    }

    /** SRP step one on {@code a}, step two on {@code b}; the proof replayed on {@code a} fails. */
    private static void loginAcross(TestUser user, Api a, Api b) {
        LoginStartResponse start =
                a.post("/api/v1/login/start", null, new LoginStartRequest(user.email))
                        .as(LoginStartResponse.class);
        try (SrpClient client =
                new SrpClient(
                        TestUser.GROUP,
                        user.email.getBytes(StandardCharsets.UTF_8),
                        user.authSecret,
                        user.srpSalt)) {
            byte[] m1 = client.respond(start.serverPublicB());
            LoginFinishRequest proof =
                    new LoginFinishRequest(
                            new SrpProof(start.loginId(), client.publicA(), m1), "laptop");
            Api.Response finish = b.post("/api/v1/login/finish", null, proof);
            assertThat(finish.status()).as(finish.body()).isEqualTo(200);
            LoginFinishResponse f = finish.as(LoginFinishResponse.class);
            client.verifyServer(f.serverProofM2());
            user.token = f.sessionToken();
            assertThat(a.post("/api/v1/login/finish", null, proof).status()).isEqualTo(401);
        }
    }
}
