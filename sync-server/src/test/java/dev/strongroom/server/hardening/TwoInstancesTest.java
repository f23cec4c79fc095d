package dev.strongroom.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.srp.SrpClient;
import dev.strongroom.model.log.LogAction;
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
import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import dev.strongroom.server.testing.Api;
import dev.strongroom.server.testing.SharedPostgres;
import dev.strongroom.server.testing.TestTeam;
import dev.strongroom.server.testing.TestUser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server instances on ONE PostgreSQL database and a client that alternates between them. Proves
 * the instances keep no state of their own: an SRP login started on A finishes on B, a session made
 * on B works on A and a logout on A ends it on B, writes alternate and each instance reads the
 * other's latest revision, a check-and-set conflict across instances is a 409 with the current
 * revision, log appends chain across instances, login lockouts count failures on both (the
 * rate-limit state is in the database), and both instances extend one audit chain that verifies.
 */
class TwoInstancesTest {

    @TempDir Path tmp;

    private StrongroomServer a;
    private StrongroomServer b;
    private Api apiA;
    private Api apiB;

    @BeforeEach
    void startTwoInstances() {
        String url = SharedPostgres.freshDatabaseUrl();
        ServerConfig config =
                ServerConfig.defaults(tmp).withPort(0).withPostgres(url, "postgres", null);
        a = StrongroomServer.start(config);
        b = StrongroomServer.start(config);
        apiA = new Api("http://127.0.0.1:" + a.port());
        apiB = new Api("http://127.0.0.1:" + b.port());
    }

    @AfterEach
    void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void aClientAlternatingBetweenInstancesSeesOneServer() {
        TestUser alice = new TestUser("alice").register(apiA);

        // SRP step one on A, step two on B
        Api.Response start =
                apiA.post("/api/v1/login/start", null, new LoginStartRequest(alice.email));
        assertThat(start.status()).as(start.body()).isEqualTo(200);
        LoginStartResponse s = start.as(LoginStartResponse.class);
        try (SrpClient client =
                new SrpClient(
                        TestUser.GROUP,
                        alice.email.getBytes(StandardCharsets.UTF_8),
                        alice.authSecret,
                        alice.srpSalt)) {
            byte[] m1 = client.respond(s.serverPublicB());
            Api.Response finish =
                    apiB.post(
                            "/api/v1/login/finish",
                            null,
                            new LoginFinishRequest(
                                    new SrpProof(s.loginId(), client.publicA(), m1), "laptop"));
            assertThat(finish.status()).as(finish.body()).isEqualTo(200);
            LoginFinishResponse f = finish.as(LoginFinishResponse.class);
            client.verifyServer(f.serverProofM2());
            alice.token = f.sessionToken();
        }
        assertThat(apiA.get("/api/v1/account", alice.token).status()).isEqualTo(200);

        // team created on A, vault created by a log entry appended on B
        TestTeam team = new TestTeam(apiA).create(alice);
        UUID vault = UUID.randomUUID();
        byte[] wrap = Randoms.bytes(80);
        SignedLogEntry entry =
                team.next(
                        alice, new LogAction.CreateVault(vault.toString(), TestTeam.digest(wrap)));
        Api.Response appended =
                apiB.post(
                        "/api/v1/teams/" + team.id + "/log",
                        alice.token,
                        new AppendLogRequest(
                                entry,
                                Randoms.bytes(40),
                                List.of(new KeyWrapUpload(1, alice.id.toString(), wrap)),
                                List.of()));
        assertThat(appended.status()).as(appended.body()).isEqualTo(200);
        // the same entry replayed on A is refused: the chain is in the database
        Api.Response replay =
                apiA.post(
                        "/api/v1/teams/" + team.id + "/log",
                        alice.token,
                        new AppendLogRequest(
                                entry,
                                Randoms.bytes(40),
                                List.of(new KeyWrapUpload(1, alice.id.toString(), wrap)),
                                List.of()));
        assertThat(replay.status()).as(replay.body()).isBetween(400, 499);

        // writes alternate between the instances; each reads the other's latest
        UUID item = UUID.randomUUID();
        TestTeam.created(TestTeam.createItem(apiA, alice, vault, item, 1));
        long rev = 1;
        for (int i = 0; i < 10; i++) {
            Api writer = i % 2 == 0 ? apiB : apiA;
            Api reader = i % 2 == 0 ? apiA : apiB;
            Api.Response w = TestTeam.updateItem(writer, alice, vault, item, rev, 1, false);
            assertThat(w.status()).as(w.body()).isEqualTo(200);
            rev = w.as(ItemResponse.class).revision();
            assertThat(rev).isEqualTo(i + 2);
            ItemResponse read =
                    reader.get("/api/v1/vaults/" + vault + "/items/" + item, alice.token)
                            .as(ItemResponse.class);
            assertThat(read.revision()).isEqualTo(rev);
        }

        // a check-and-set conflict across instances
        Api.Response onA = TestTeam.updateItem(apiA, alice, vault, item, rev, 1, false);
        assertThat(onA.status()).as(onA.body()).isEqualTo(200);
        Api.Response staleOnB = TestTeam.updateItem(apiB, alice, vault, item, rev, 1, false);
        assertThat(staleOnB.status()).as(staleOnB.body()).isEqualTo(409);
        assertThat(staleOnB.errorCode()).isEqualTo("revision_conflict");
        assertThat(staleOnB.json().path("error").path("currentRevision").asLong())
                .isEqualTo(rev + 1);

        // sync from B sees every change made through A
        ChangesResponse changes =
                apiB.get("/api/v1/vaults/" + vault + "/changes?since=0", alice.token)
                        .as(ChangesResponse.class);
        assertThat(changes.items()).extracting(ItemResponse::revision).containsExactly(rev + 1);

        // logout on A ends the session on B
        assertThat(apiA.post("/api/v1/logout", alice.token, "{}").status()).isBetween(200, 204);
        assertThat(apiB.get("/api/v1/account", alice.token).status()).isEqualTo(401);

        // one audit chain, extended by both instances
        assertThat(a.audit().verify().ok()).isTrue();
        assertThat(b.audit().verify().ok()).isTrue();
    }

    @Test
    void loginFailuresOnBothInstancesCountTowardsOneLockout() {
        TestUser bob = new TestUser("bob").register(apiA);
        byte[] wrong = Randoms.bytes(32);
        int locked = 0;
        for (int i = 0; i < 8; i++) {
            Api api = i % 2 == 0 ? apiA : apiB;
            Api.Response start =
                    api.post("/api/v1/login/start", null, new LoginStartRequest(bob.email));
            if (start.status() == 429) {
                locked++;
                continue;
            }
            Api.Response r = bob.tryLogin(api, wrong);
            if (r.status() == 429) {
                locked++;
            } else {
                assertThat(r.status()).as(r.body()).isEqualTo(401);
            }
        }
        // five failures lock the email, whichever instance saw them
        assertThat(locked).isPositive();
    }
}
