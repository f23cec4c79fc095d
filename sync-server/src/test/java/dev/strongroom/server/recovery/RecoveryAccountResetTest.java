package dev.strongroom.server.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.recovery.SignedRecoveryMessage;
import dev.strongroom.model.wire.KdfParams;
import dev.strongroom.model.wire.RecoveryAccountResetRequest;
import dev.strongroom.model.wire.RecoveryAccountResetResponse;
import dev.strongroom.model.wire.RecoveryEnrollmentRequest;
import dev.strongroom.model.wire.RecoveryEnrollmentView;
import dev.strongroom.model.wire.RecoveryPaths;
import dev.strongroom.model.wire.RecoveryReleaseResponse;
import dev.strongroom.server.recovery.RecoveryApiTest.World;
import dev.strongroom.server.testing.Api;
import dev.strongroom.server.testing.Backend;
import dev.strongroom.server.testing.TestServer;
import dev.strongroom.server.testing.TestUser;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Forgotten-password recovery on the server: erin enrolls her account key, forgets her password;
 * alice opens an account-scope request, two approvers approve, alice's client gets exactly erin's
 * enrolled key and private-key blob, and sets erin's new credentials signed with erin's own
 * identity key. Erin's old sessions and password stop working, the new password logs in.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class RecoveryAccountResetTest {

    @Parameter Backend backend;

    private static TestServer server;
    private static Api api;

    @BeforeParameterizedClassInvocation
    static void start(Backend backend) throws Exception {
        server = TestServer.start(backend, Files.createTempDirectory("recovery-reset"));
        api = server.api();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    /** New credentials for {@code u}, signed by {@code signer} for this request. */
    static RecoveryAccountResetRequest reset(
            TestUser u, TestUser signer, UUID teamId, UUID requestId, byte[] newSecret) {
        byte[] salt = Randoms.bytes(16);
        KdfParams kdf = KdfParams.argon2id(65536, 3, 4, Randoms.bytes(16));
        byte[] verifier =
                dev.strongroom.crypto.srp.SrpVerifier.compute(
                        TestUser.GROUP,
                        u.email.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        newSecret,
                        salt);
        byte[] wrapped = Randoms.bytes(72);
        byte[] message =
                RecoveryAccountResetRequest.message(
                        teamId, requestId, u.id, kdf, salt, verifier, wrapped);
        return new RecoveryAccountResetRequest(
                kdf, salt, verifier, wrapped, signer.identity.sign(message));
    }

    @Test
    void aForgottenPasswordIsResetWithTheMembersOwnKeyAfterApproval() {
        World w = RecoveryApiTest.world(api, 0);
        TestUser erin = w.erin();
        UUID t = w.team().id;
        byte[] wrappedToRecovery = Randoms.bytes(80);
        Api.Response enrolled =
                api.put(
                        RecoveryPaths.enrollment(t),
                        erin.token,
                        new RecoveryEnrollmentRequest(1, wrappedToRecovery));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(200);
        assertThat(enrolled.as(RecoveryEnrollmentView.class).policyVersion()).isEqualTo(1);

        UUID id = w.recovery().open(w.alice(), new RecoveryScope("account", erin.id.toString()));
        SignedRecoveryMessage request = RecoveryApiTest.signed(api, w, id);
        for (TestUser u : List.of(w.bob(), w.dave())) {
            assertThat(w.recovery().decide(u, id, w.recovery().approval(u, id, request)).status())
                    .isEqualTo(200);
        }
        RecoveryReleaseResponse out =
                api.get(RecoveryPaths.release(t, id), w.alice().token)
                        .as(RecoveryReleaseResponse.class);
        assertThat(out.vaults()).isEmpty();
        assertThat(out.account().accountId()).isEqualTo(erin.id);
        assertThat(out.account().wrappedAccountKey()).isEqualTo(wrappedToRecovery);
        assertThat(out.account().encryptedPrivateKeys()).isEqualTo(erin.encryptedPrivateKeys);

        String path = RecoveryPaths.accountReset(t, id);
        byte[] newSecret = Randoms.bytes(32);
        List<String> before = server.snapshot();
        Api.Response forged =
                api.post(path, w.alice().token, reset(erin, w.alice(), t, id, newSecret));
        assertThat(forged.status()).as(forged.body()).isEqualTo(400);
        assertThat(server.snapshot()).isEqualTo(before);
        Api.Response byOther = api.post(path, w.bob().token, reset(erin, erin, t, id, newSecret));
        assertThat(byOther.status()).isEqualTo(404);

        String oldToken = erin.token;
        byte[] oldSecret = erin.authSecret;
        RecoveryAccountResetRequest good = reset(erin, erin, t, id, newSecret);
        Api.Response done = api.post(path, w.alice().token, good);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.as(RecoveryAccountResetResponse.class).revokedSessions()).isEqualTo(1);

        assertThat(api.get("/api/v1/account", oldToken).status()).isEqualTo(401);
        assertThat(erin.tryLogin(api, oldSecret).status()).isEqualTo(401);
        erin.srpSalt = good.srpSalt();
        erin.authSecret = newSecret;
        erin.login(api);
        assertThat(api.get("/api/v1/account", erin.token).status()).isEqualTo(200);

        assertThat(RecoveryApiTest.view(api, w, id).status()).isEqualTo("closed");
        assertThat(api.post(path, w.alice().token, reset(erin, erin, t, id, newSecret)).status())
                .isEqualTo(409);
    }

    @Test
    void onlyAnAccountScopeResetsAnAccountAndOnlyAnEnrolledOneCanBeRequested() {
        World w = RecoveryApiTest.world(api, 0);
        UUID t = w.team().id;
        Api.Response notEnrolled =
                api.post(
                        RecoveryPaths.requests(t),
                        w.alice().token,
                        new dev.strongroom.model.wire.RecoveryOpenRequest(
                                w.recovery()
                                        .request(
                                                w.alice(),
                                                UUID.randomUUID(),
                                                new RecoveryScope(
                                                        "account", w.erin().id.toString()))));
        assertThat(notEnrolled.status()).isEqualTo(409);

        UUID id = w.recovery().open(w.alice(), new RecoveryScope("team", t.toString()));
        SignedRecoveryMessage request = RecoveryApiTest.signed(api, w, id);
        for (TestUser u : List.of(w.bob(), w.carol())) {
            w.recovery().decide(u, id, w.recovery().approval(u, id, request));
        }
        Api.Response r =
                api.post(
                        RecoveryPaths.accountReset(t, id),
                        w.alice().token,
                        reset(w.erin(), w.erin(), t, id, Randoms.bytes(32)));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
    }
}
