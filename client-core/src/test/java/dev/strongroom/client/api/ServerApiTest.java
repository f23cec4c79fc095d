package dev.strongroom.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.wire.LoginFinishRequest;
import dev.strongroom.model.wire.LoginStartResponse;
import dev.strongroom.model.wire.PreloginResponse;
import dev.strongroom.model.wire.SrpProof;
import dev.strongroom.server.StrongroomServer;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transport against a real server: the server's own error answers arrive typed. */
class ServerApiTest {

    @TempDir static Path dir;
    private static StrongroomServer server;
    private static ServerApi api;

    @BeforeAll
    static void start() {
        server = TestServers.start(dir.resolve("server"));
        api = ServerApi.connect(TestServers.endpoint(server));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthAndPreloginAnswer() {
        assertThat(api.health().status()).isEqualTo("ok");
        PreloginResponse r = api.prelogin("nobody@example.test");
        assertThat(r.kdf().algorithm()).isEqualTo("argon2id");
        assertThat(r.srpSalt()).hasSize(16);
    }

    @Test
    void anUnknownTokenIsAnAuthenticationError() {
        BearerToken bogus = BearerToken.of("A".repeat(43));
        assertThatThrownBy(() -> api.sessions(bogus))
                .isInstanceOfSatisfying(
                        AuthenticationException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(401);
                            assertThat(e.is(ErrorCode.UNAUTHENTICATED)).isTrue();
                        });
        assertThatThrownBy(() -> api.revokeSession(bogus, UUID.randomUUID()))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void anInvalidEmailIsABadRequest() {
        assertThatThrownBy(() -> api.prelogin("not an email"))
                .isInstanceOfSatisfying(
                        BadRequestException.class,
                        e -> assertThat(e.is(ErrorCode.INVALID_REQUEST)).isTrue());
    }

    @Test
    void repeatedFailedLoginsAreRateLimited() {
        String email = "limited-" + UUID.randomUUID() + "@example.test";
        for (int i = 0; i < 5; i++) {
            LoginStartResponse start = api.loginStart(email);
            byte[] a = Randoms.bytes(512);
            a[0] = 0; // below N
            a[511] |= 1;
            SrpProof proof = new SrpProof(start.loginId(), a, Randoms.bytes(32));
            assertThatThrownBy(() -> api.loginFinish(new LoginFinishRequest(proof, "test")))
                    .isInstanceOfSatisfying(
                            AuthenticationException.class,
                            e -> assertThat(e.is(ErrorCode.LOGIN_FAILED)).isTrue());
        }
        assertThatThrownBy(() -> api.loginStart(email))
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        e -> assertThat(e.retryAfter().toSeconds()).isBetween(1L, 900L));
    }
}
