package dev.strongroom.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.srp.SrpClient;
import dev.strongroom.crypto.srp.SrpGroup;
import dev.strongroom.crypto.srp.SrpVerifier;
import dev.strongroom.model.identity.PublicBundleJson;
import dev.strongroom.model.wire.KdfParams;
import dev.strongroom.model.wire.LoginFinishRequest;
import dev.strongroom.model.wire.LoginFinishResponse;
import dev.strongroom.model.wire.LoginStartRequest;
import dev.strongroom.model.wire.LoginStartResponse;
import dev.strongroom.model.wire.RegisterRequest;
import dev.strongroom.model.wire.SrpProof;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A client-side account for tests: its SRP secret stands in for the HKDF-derived authentication
 * secret (the server cannot tell the difference), and its blobs are random bytes.
 */
public final class TestUser {

    public static final SrpGroup GROUP = SrpGroup.RFC5054_4096_SHA256;

    public final UUID id = UUID.randomUUID();
    public final String email;
    public byte[] authSecret = Randoms.bytes(32);
    public byte[] srpSalt = Randoms.bytes(16);
    public KdfParams kdf = KdfParams.argon2id(65536, 3, 4, Randoms.bytes(16));
    public byte[] wrappedAccountKey = Randoms.bytes(72);
    public final byte[] encryptedPrivateKeys = Randoms.bytes(120);
    public String token;
    public UUID sessionId;

    public TestUser(String emailPrefix) {
        this.email =
                emailPrefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    private TestUser(String exactEmail, boolean exact) {
        this.email = exactEmail;
    }

    /** A different account (new id, keys) that wants an existing email. */
    public static TestUser withEmail(String email) {
        return new TestUser(email, true);
    }

    public byte[] verifier() {
        return SrpVerifier.compute(
                GROUP, email.getBytes(StandardCharsets.UTF_8), authSecret, srpSalt);
    }

    /** The account's real identity keys (tests sign log entries and revisions with them). */
    public final IdentityKeys identity = IdentityKeys.generate();

    private PublicBundleJson bundle;

    public PublicBundleJson bundle() {
        if (bundle == null) {
            bundle =
                    PublicBundleJson.of(
                            identity.publicBundle(
                                    id.toString(), email, System.currentTimeMillis()));
        }
        return bundle;
    }

    public RegisterRequest registerRequest() {
        return new RegisterRequest(
                id,
                email,
                kdf,
                srpSalt,
                verifier(),
                wrappedAccountKey,
                encryptedPrivateKeys,
                bundle());
    }

    public TestUser register(Api api) {
        Api.Response r = api.post("/api/v1/accounts", null, registerRequest());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return this;
    }

    /** Runs SRP step one and computes a proof with the given secret. */
    public SrpProof proof(Api api, byte[] secret) {
        Api.Response start = api.post("/api/v1/login/start", null, new LoginStartRequest(email));
        assertThat(start.status()).as(start.body()).isEqualTo(200);
        LoginStartResponse s = start.as(LoginStartResponse.class);
        try (SrpClient client =
                new SrpClient(GROUP, email.getBytes(StandardCharsets.UTF_8), secret, srpSalt)) {
            byte[] m1 = client.respond(s.serverPublicB());
            return new SrpProof(s.loginId(), client.publicA(), m1);
        }
    }

    public Api.Response tryLogin(Api api, byte[] secret) {
        return api.post(
                "/api/v1/login/finish",
                null,
                new LoginFinishRequest(proof(api, secret), "test device"));
    }

    /** Logs in (checking the server's M2) and keeps the token. */
    public TestUser login(Api api) {
        Api.Response start = api.post("/api/v1/login/start", null, new LoginStartRequest(email));
        LoginStartResponse s = start.as(LoginStartResponse.class);
        try (SrpClient client =
                new SrpClient(GROUP, email.getBytes(StandardCharsets.UTF_8), authSecret, srpSalt)) {
            byte[] m1 = client.respond(s.serverPublicB());
            Api.Response finish =
                    api.post(
                            "/api/v1/login/finish",
                            null,
                            new LoginFinishRequest(
                                    new SrpProof(s.loginId(), client.publicA(), m1), "laptop"));
            assertThat(finish.status()).as(finish.body()).isEqualTo(200);
            LoginFinishResponse f = finish.as(LoginFinishResponse.class);
            client.verifyServer(f.serverProofM2());
            token = f.sessionToken();
            sessionId = f.session().sessionId();
        }
        return this;
    }
}
