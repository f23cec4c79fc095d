package dev.strongroom.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.model.wire.AccountResponse;
import dev.strongroom.model.wire.ChangePasswordRequest;
import dev.strongroom.model.wire.ChangePasswordResponse;
import dev.strongroom.model.wire.DeleteAccountRequest;
import dev.strongroom.model.wire.KdfParams;
import dev.strongroom.model.wire.LoginFinishRequest;
import dev.strongroom.model.wire.PreloginRequest;
import dev.strongroom.model.wire.PreloginResponse;
import dev.strongroom.model.wire.PublicAccountResponse;
import dev.strongroom.model.wire.SessionListResponse;
import dev.strongroom.model.wire.SrpProof;
import dev.strongroom.server.audit.AuditQuery;
import dev.strongroom.server.testing.Api;
import dev.strongroom.server.testing.Backend;
import dev.strongroom.server.testing.TestServer;
import dev.strongroom.server.testing.TestUser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class AccountApiTest {

    @Parameter Backend backend;
    @TempDir Path dir;

    private static TestServer server;
    private static Api api;

    @BeforeParameterizedClassInvocation
    static void start(Backend backend) throws Exception {
        server = TestServer.start(backend, java.nio.file.Files.createTempDirectory("accounts"));
        api = server.api();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    @Test
    void preloginAnswersStoredParametersForAnAccount() {
        TestUser u = new TestUser("pre").register(api);
        PreloginResponse p =
                api.post("/api/v1/accounts/prelogin", null, new PreloginRequest(u.email))
                        .as(PreloginResponse.class);
        assertThat(p.kdf().salt()).isEqualTo(u.kdf.salt());
        assertThat(p.kdf().memoryKib()).isEqualTo(65536);
        assertThat(p.srpSalt()).isEqualTo(u.srpSalt);
        // the email is normalised: case and surrounding spaces do not matter
        PreloginResponse upper =
                api.post(
                                "/api/v1/accounts/prelogin",
                                null,
                                new PreloginRequest("  " + u.email.toUpperCase() + " "))
                        .as(PreloginResponse.class);
        assertThat(upper.srpSalt()).isEqualTo(u.srpSalt);
    }

    @Test
    void preloginForAnUnknownEmailIsDeterministicAndLooksReal() {
        List<String> before = server.snapshot();
        Api.Response a =
                api.post(
                        "/api/v1/accounts/prelogin",
                        null,
                        new PreloginRequest("ghost@example.test"));
        Api.Response b =
                api.post(
                        "/api/v1/accounts/prelogin",
                        null,
                        new PreloginRequest("ghost@example.test"));
        Api.Response c =
                api.post(
                        "/api/v1/accounts/prelogin",
                        null,
                        new PreloginRequest("other@example.test"));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo(b.body());
        assertThat(a.body()).isNotEqualTo(c.body());
        PreloginResponse fake = a.as(PreloginResponse.class);
        assertThat(fake.kdf().algorithm()).isEqualTo(KdfParams.ARGON2ID);
        assertThat(fake.kdf().salt()).hasSize(16);
        assertThat(fake.srpSalt()).hasSize(16);
        TestUser real = new TestUser("shape").register(api);
        String realBody =
                api.post("/api/v1/accounts/prelogin", null, new PreloginRequest(real.email)).body();
        assertThat(realBody.length()).isEqualTo(a.body().length());
        assertThat(server.snapshot()).hasSize(before.size() + 1); // only the new account
    }

    @Test
    void registerThenLoginGivesAWorkingSession() {
        TestUser u = new TestUser("login").register(api).login(api);
        Api.Response me = api.get("/api/v1/account", u.token);
        assertThat(me.status()).isEqualTo(200);
        AccountResponse account = me.as(AccountResponse.class);
        assertThat(account.accountId()).isEqualTo(u.id);
        assertThat(account.wrappedAccountKey()).isEqualTo(u.wrappedAccountKey);
        assertThat(account.encryptedPrivateKeys()).isEqualTo(u.encryptedPrivateKeys);
        assertThat(auditCount("login", u.id)).isEqualTo(1);
    }

    @Test
    void duplicateIdOrEmailIsAConflictAndChangesNothing() {
        TestUser u = new TestUser("dup").register(api);
        List<String> before = server.snapshot();
        Api.Response r1 = api.post("/api/v1/accounts", null, u.registerRequest());
        assertThat(r1.status()).isEqualTo(409);
        assertThat(r1.errorCode()).isEqualTo("already_exists");
        Api.Response r2 =
                api.post("/api/v1/accounts", null, TestUser.withEmail(u.email).registerRequest());
        assertThat(r2.status()).as(r2.body()).isEqualTo(409);
        assertThat(server.snapshot()).isEqualTo(before);
    }

    @Test
    void wrongPasswordAndUnknownEmailFailTheSameWay() {
        TestUser u = new TestUser("wrong").register(api);
        Api.Response wrong = u.tryLogin(api, Randoms.bytes(32));
        TestUser ghost = new TestUser("ghost");
        Api.Response unknown = ghost.tryLogin(api, ghost.authSecret);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body());
        assertThat(wrong.errorCode()).isEqualTo("login_failed");
        assertThat(auditCount("login", null)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aLoginChallengeIsSingleUse() {
        TestUser u = new TestUser("replay").register(api);
        SrpProof proof = u.proof(api, u.authSecret);
        Api.Response first =
                api.post("/api/v1/login/finish", null, new LoginFinishRequest(proof, "a"));
        Api.Response replay =
                api.post("/api/v1/login/finish", null, new LoginFinishRequest(proof, "a"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.errorCode()).isEqualTo("login_failed");
    }

    @Test
    void anExpiredChallengeIsRefused() {
        TestUser u = new TestUser("expired").register(api);
        SrpProof proof = u.proof(api, u.authSecret);
        server.db()
                .write(
                        tx ->
                                tx.update(
                                        "UPDATE srp_challenges SET expires_at = 1 WHERE id = ?",
                                        proof.loginId()));
        Api.Response r = api.post("/api/v1/login/finish", null, new LoginFinishRequest(proof, "a"));
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void repeatedFailuresLockTheAccountWithBackoffAndAreAudited() {
        TestUser u = new TestUser("locked").register(api);
        for (int i = 0; i < RateLimiter.EMAIL_THRESHOLD; i++) {
            assertThat(u.tryLogin(api, Randoms.bytes(32)).status()).isEqualTo(401);
        }
        Api.Response locked =
                api.post(
                        "/api/v1/login/start",
                        null,
                        new dev.strongroom.model.wire.LoginStartRequest(u.email));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.errorCode()).isEqualTo("rate_limited");
        assertThat(locked.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.json().path("error").path("retryAfterSeconds").asLong()).isPositive();
        assertThat(
                        server.server()
                                .audit()
                                .page(
                                        new AuditQuery(
                                                null,
                                                null,
                                                "login.lockout",
                                                u.id.toString(),
                                                null,
                                                null,
                                                0,
                                                10)))
                .isNotEmpty();
        // clean up so other tests on this address are not affected
        server.db().write(tx -> tx.update("DELETE FROM login_attempts"));
        u.login(api);
    }

    @Test
    void sessionsCanBeListedRevokedAndLoggedOut() {
        TestUser u = new TestUser("sessions").register(api).login(api);
        String first = u.token;
        UUID firstId = u.sessionId;
        u.login(api);
        SessionListResponse list =
                api.get("/api/v1/sessions", u.token).as(SessionListResponse.class);
        assertThat(list.sessions()).hasSize(2);
        assertThat(list.sessions())
                .filteredOn(s -> s.current())
                .singleElement()
                .satisfies(s -> assertThat(s.sessionId()).isEqualTo(u.sessionId));

        TestUser other = new TestUser("intruder").register(api).login(api);
        Api.Response foreign = api.delete("/api/v1/sessions/" + firstId, other.token);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/account", first).status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/sessions/" + firstId, u.token).status()).isEqualTo(204);
        Api.Response revoked = api.get("/api/v1/account", first);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.errorCode()).isEqualTo("session_expired");

        assertThat(api.post("/api/v1/logout", u.token, "{}").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/account", u.token).status()).isEqualTo(401);
    }

    @Test
    void changingThePasswordRevokesOtherSessionsAndReplacesTheVerifier() {
        TestUser u = new TestUser("passwd").register(api).login(api);
        String otherDevice = u.token;
        u.login(api);
        byte[] oldSecret = u.authSecret;
        SrpProof proof = u.proof(api, oldSecret);
        u.authSecret = Randoms.bytes(32);
        u.srpSalt = Randoms.bytes(16);
        u.kdf = KdfParams.pbkdf2(600_000, Randoms.bytes(16));
        u.wrappedAccountKey = Randoms.bytes(72);
        Api.Response r =
                api.post(
                        "/api/v1/account/password",
                        u.token,
                        new ChangePasswordRequest(
                                proof, u.kdf, u.srpSalt, u.verifier(), u.wrappedAccountKey));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.as(ChangePasswordResponse.class).revokedSessions()).isEqualTo(1);
        assertThat(api.get("/api/v1/account", otherDevice).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/account", u.token).as(AccountResponse.class).kdf().algorithm())
                .isEqualTo(KdfParams.PBKDF2_SHA256);
        assertThat(u.tryLogin(api, oldSecret).status()).isEqualTo(401);
        u.login(api);
        server.db().write(tx -> tx.update("DELETE FROM login_attempts"));
    }

    @Test
    void changingThePasswordNeedsAProofForTheCallersOwnAccount() {
        TestUser u = new TestUser("victim").register(api).login(api);
        TestUser attacker = new TestUser("attacker").register(api).login(api);
        List<String> before = server.snapshot();
        SrpProof attackersProof = attacker.proof(api, attacker.authSecret);
        Api.Response r =
                api.post(
                        "/api/v1/account/password",
                        u.token,
                        new ChangePasswordRequest(
                                attackersProof,
                                u.kdf,
                                u.srpSalt,
                                u.verifier(),
                                u.wrappedAccountKey));
        assertThat(r.status()).isEqualTo(401);
        assertThat(server.snapshot()).isEqualTo(before);
        server.db().write(tx -> tx.update("DELETE FROM login_attempts"));
    }

    @Test
    void deletingTheAccountEndsEverything() {
        TestUser u = new TestUser("delete").register(api).login(api);
        Api.Response r =
                api.post(
                        "/api/v1/account/delete",
                        u.token,
                        new DeleteAccountRequest(u.proof(api, u.authSecret)));
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        assertThat(api.get("/api/v1/account", u.token).status()).isEqualTo(401);
        assertThat(u.tryLogin(api, u.authSecret).status()).isEqualTo(401);
        server.db().write(tx -> tx.update("DELETE FROM login_attempts"));
    }

    @Test
    void theDirectoryServesPublicBundlesToSignedInUsers() {
        TestUser alice = new TestUser("alice").register(api).login(api);
        TestUser bob = new TestUser("bob").register(api);
        PublicAccountResponse byEmail =
                api.get("/api/v1/directory/accounts?email=" + bob.email, alice.token)
                        .as(PublicAccountResponse.class);
        assertThat(byEmail.accountId()).isEqualTo(bob.id);
        assertThat(byEmail.publicBundle().email()).isEqualTo(bob.email);
        assertThat(
                        api.get("/api/v1/directory/accounts/" + bob.id, alice.token)
                                .as(PublicAccountResponse.class)
                                .email())
                .isEqualTo(bob.email);
        assertThat(api.get("/api/v1/directory/accounts/" + UUID.randomUUID(), alice.token).status())
                .isEqualTo(404);
        assertThat(
                        api.get("/api/v1/directory/accounts?email=nobody@example.test", alice.token)
                                .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/directory/accounts/" + bob.id, null).status()).isEqualTo(401);
    }

    @Test
    void idleAndAbsoluteExpiryEndSessions() throws Exception {
        try (TestServer shortLived =
                TestServer.start(
                        backend,
                        dir.resolve("short"),
                        c -> c.withSessions(Duration.ofMillis(1500), Duration.ofDays(1)))) {
            TestUser u = new TestUser("idle").register(shortLived.api()).login(shortLived.api());
            assertThat(shortLived.api().get("/api/v1/account", u.token).status()).isEqualTo(200);
            Thread.sleep(1700);
            Api.Response r = shortLived.api().get("/api/v1/account", u.token);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.errorCode()).isEqualTo("session_expired");
        }
    }

    @Test
    void aSessionInUseOutlivesItsIdlePeriodWhileLastUseIsWrittenCoarsely() throws Exception {
        // idle 2 s: last use is written once it moved by 500 ms (a quarter), not on every request
        try (TestServer shortLived =
                TestServer.start(
                        backend,
                        dir.resolve("touch"),
                        c -> c.withSessions(Duration.ofMillis(2000), Duration.ofDays(1)))) {
            TestUser u = new TestUser("touch").register(shortLived.api()).login(shortLived.api());
            long created = lastUsed(shortLived, u.sessionId);
            assertThat(shortLived.api().get("/api/v1/account", u.token).status()).isEqualTo(200);
            assertThat(shortLived.api().get("/api/v1/account", u.token).status()).isEqualTo(200);
            if (System.currentTimeMillis() - created < Sessions.touchInterval(2000)) {
                assertThat(lastUsed(shortLived, u.sessionId)).isEqualTo(created);
            }
            long end = System.currentTimeMillis() + 3500;
            while (System.currentTimeMillis() < end) {
                Api.Response r = shortLived.api().get("/api/v1/account", u.token);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                Thread.sleep(150);
            }
            assertThat(lastUsed(shortLived, u.sessionId)).isGreaterThan(created + 2000);
            Thread.sleep(2200);
            assertThat(shortLived.api().get("/api/v1/account", u.token).errorCode())
                    .isEqualTo("session_expired");
        }
    }

    private static long lastUsed(TestServer s, UUID sessionId) {
        return s.db().read(
                        tx ->
                                tx.queryLong(
                                        "SELECT last_used_at FROM sessions WHERE id = ?",
                                        sessionId));
    }

    private long auditCount(String action, UUID actor) {
        return server.server()
                .audit()
                .page(
                        new AuditQuery(
                                null,
                                actor == null ? null : actor.toString(),
                                action,
                                null,
                                null,
                                null,
                                0,
                                1000))
                .size();
    }
}
