package dev.strongroom.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.client.api.TamperingProxy.Reply;
import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.wire.PreloginResponse;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Server replies are untrusted input: every malformed one is refused with a clear exception. */
class MalformedReplyTest {

    private static final String PRELOGIN = "/api/v1/accounts/prelogin";
    private static final String SALT = "AAAAAAAAAAAAAAAAAAAAAA";
    private static final String KDF =
            "{\"algorithm\":\"argon2id\",\"memoryKib\":19456,\"iterations\":2,\"parallelism\":1,"
                    + "\"salt\":\""
                    + SALT
                    + "\"}";
    private static final String VALID = "{\"kdf\":" + KDF + ",\"srpSalt\":\"" + SALT + "\"}";

    private static TamperingProxy proxy;
    private static ServerApi api;

    @BeforeAll
    static void start() throws Exception {
        proxy = TamperingProxy.standalone();
        api =
                ServerApi.connect(
                        proxy.endpoint(),
                        new ApiTransport.Options(
                                Duration.ofSeconds(2), Duration.ofSeconds(1), 16L << 20));
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    @AfterEach
    void clear() {
        proxy.clearRules();
    }

    @Test
    void aValidReplyParses() {
        proxy.reply("POST", PRELOGIN, Reply.json(200, VALID));
        PreloginResponse r = api.prelogin("a@example.test");
        assertThat(r.kdf().memoryKib()).isEqualTo(19456);
        assertThat(r.srpSalt()).hasSize(16);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("truncated JSON", "{\"kdf\":", "malformed JSON"),
                Arguments.of("empty body", "", "empty body"),
                Arguments.of("JSON null", "null", "null"),
                Arguments.of("an array", "[]", "wrong type"),
                Arguments.of(
                        "unknown top-level field",
                        VALID.substring(0, VALID.length() - 1) + ",\"admin\":true}",
                        "unknown field 'admin'"),
                Arguments.of(
                        "unknown nested field",
                        VALID.replace("\"parallelism\":1", "\"parallelism\":1,\"lanes\":9"),
                        "unknown field 'lanes'"),
                Arguments.of(
                        "duplicate field",
                        VALID.replace("{\"kdf\"", "{\"srpSalt\":\"" + SALT + "\",\"kdf\""),
                        "duplicate field"),
                Arguments.of(
                        "number as string",
                        VALID.replace("\"memoryKib\":19456", "\"memoryKib\":\"19456\""),
                        "wrong type in 'kdf.memoryKib'"),
                Arguments.of(
                        "float for an int",
                        VALID.replace("\"iterations\":2", "\"iterations\":2.0"),
                        "kdf.iterations"),
                Arguments.of(
                        "not base64url",
                        VALID.replace("\"srpSalt\":\"" + SALT, "\"srpSalt\":\"AA+/AA=="),
                        "srpSalt"),
                Arguments.of("missing field", "{\"kdf\":" + KDF + "}", "missing field 'srpSalt'"),
                Arguments.of(
                        "unknown KDF",
                        VALID.replace("argon2id", "scrypt"),
                        "not a valid PreloginResponse"),
                Arguments.of("trailing content", VALID + " {}", "trailing content"),
                Arguments.of("two documents", VALID + VALID, "trailing content"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedRepliesAreRefusedWithAClearMessage(String name, String body, String expected) {
        proxy.reply("POST", PRELOGIN, Reply.json(200, body));
        assertThatThrownBy(() -> api.prelogin("a@example.test"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("POST " + PRELOGIN)
                .hasMessageContaining(expected)
                .hasMessageNotContaining(SALT);
    }

    @Test
    void aReplyThatIsNotJsonIsRefused() {
        proxy.reply(
                "POST",
                PRELOGIN,
                new Reply(200, "text/html", VALID.getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> api.prelogin("a@example.test"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("not application/json");
    }

    @Test
    void anUnexpectedStatusIsRefused() {
        proxy.reply("POST", PRELOGIN, Reply.json(302, VALID));
        assertThatThrownBy(() -> api.prelogin("a@example.test"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("HTTP 302");
        proxy.reply("POST", PRELOGIN, Reply.json(201, VALID));
        assertThatThrownBy(() -> api.prelogin("a@example.test"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("HTTP 201");
    }

    @Test
    void aHugeDeclaredReplyIsRefusedWithoutReadingIt() {
        byte[] huge = new byte[(16 << 20) + 1];
        Arrays.fill(huge, (byte) ' ');
        proxy.reply("POST", PRELOGIN, new Reply(200, "application/json", huge));
        assertThatThrownBy(() -> api.prelogin("a@example.test"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("larger than 16777216 bytes");
    }

    @Test
    void aHugeStreamedReplyIsCutOffAtTheCap() throws Exception {
        try (TamperingProxy streaming = TamperingProxy.standalone()) {
            streaming.streamHuge("POST", PRELOGIN, 64L << 20);
            ServerApi small =
                    ServerApi.connect(
                            streaming.endpoint(),
                            new ApiTransport.Options(
                                    Duration.ofSeconds(2), Duration.ofSeconds(10), 1 << 20));
            assertThatThrownBy(() -> small.prelogin("a@example.test"))
                    .isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("larger than 1048576 bytes");
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutAsUnreachable() {
        proxy.on(
                "POST",
                PRELOGIN,
                (body, up) -> {
                    Thread.sleep(5_000);
                    return Reply.json(200, VALID);
                });
        long start = System.nanoTime();
        assertThatThrownBy(() -> api.prelogin("a@example.test"))
                .isInstanceOf(ServerUnreachableException.class)
                .hasMessageContaining("did not answer in time");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ServerApi down = ServerApi.connect(ServerEndpoint.of("http://127.0.0.1:" + port, null));
        assertThatThrownBy(down::health)
                .isInstanceOf(ServerUnreachableException.class)
                .hasMessageContaining("cannot reach the server at http://127.0.0.1:" + port);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(400, "invalid_request", BadRequestException.class),
                Arguments.of(413, "payload_too_large", BadRequestException.class),
                Arguments.of(401, "login_failed", AuthenticationException.class),
                Arguments.of(403, "forbidden", ForbiddenException.class),
                Arguments.of(404, "not_found", NotFoundException.class),
                Arguments.of(409, "already_exists", ConflictException.class),
                Arguments.of(429, "rate_limited", RateLimitedException.class),
                Arguments.of(500, "internal_error", ServerFaultException.class),
                Arguments.of(503, "unavailable", ServerFaultException.class));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("errors")
    void errorBodiesMapToTypedExceptions(int status, String code, Class<?> type) {
        proxy.reply(
                "POST",
                PRELOGIN,
                Reply.json(
                        status,
                        "{\"error\":{\"code\":\"" + code + "\",\"message\":\"it went wrong\"}}"));
        assertThatThrownBy(() -> api.prelogin("a@example.test"))
                .isInstanceOf(type)
                .hasMessage("it went wrong (" + code + ", HTTP " + status + ")")
                .satisfies(
                        e -> {
                            ApiException a = (ApiException) e;
                            assertThat(a.status()).isEqualTo(status);
                            assertThat(a.code().map(ErrorCode::code)).contains(code);
                        });
    }

    @Test
    void conflictAndRateLimitCarryTheirDetails() {
        proxy.reply(
                "POST",
                PRELOGIN,
                Reply.json(
                        409,
                        "{\"error\":{\"code\":\"revision_conflict\",\"message\":\"m\","
                                + "\"currentRevision\":7}}"));
        assertThatThrownBy(() -> api.prelogin("a@example.test"))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> {
                            assertThat(e.currentRevision()).hasValue(7);
                            assertThat(e.is(ErrorCode.REVISION_CONFLICT)).isTrue();
                        });
        proxy.reply(
                "POST",
                PRELOGIN,
                Reply.json(
                        429,
                        "{\"error\":{\"code\":\"rate_limited\",\"message\":\"m\","
                                + "\"retryAfterSeconds\":30}}"));
        assertThatThrownBy(() -> api.prelogin("a@example.test"))
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void anErrorWithoutAValidBodyStillMapsByStatus() {
        proxy.reply(
                "POST",
                PRELOGIN,
                new Reply(
                        502, "text/html", "<h1>Bad gateway</h1>".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> api.prelogin("a@example.test"))
                .isInstanceOfSatisfying(
                        ServerFaultException.class,
                        e -> {
                            assertThat(e.wireCode()).isEqualTo("unknown");
                            assertThat(e.getMessage()).doesNotContain("<h1>");
                        });
        proxy.reply("POST", PRELOGIN, Reply.json(404, "{\"error\":{\"code\":\"not_found\"}}"));
        assertThatThrownBy(() -> api.prelogin("a@example.test"))
                .isInstanceOfSatisfying(
                        NotFoundException.class,
                        e -> assertThat(e.wireCode()).isEqualTo("unknown"));
    }

    @Test
    void serverMessagesAreSanitisedAndUnknownCodesKept() {
        String nasty = "line one\nline two\u001b[31m\u202e" + "x".repeat(10_000);
        proxy.reply(
                "POST",
                PRELOGIN,
                Reply.json(
                        400,
                        "{\"error\":{\"code\":\"teapot_error\",\"message\":\""
                                + nasty.replace("\n", "\\n")
                                        .replace("\u001b", "\\u001b")
                                        .replace("\u202e", "\\u202e")
                                + "\"}}"));
        assertThatThrownBy(() -> api.prelogin("a@example.test"))
                .isInstanceOfSatisfying(
                        BadRequestException.class,
                        e -> {
                            assertThat(e.serverMessage())
                                    .doesNotContain("\n", "\u001b", "\u202e")
                                    .hasSizeLessThanOrEqualTo(201);
                            assertThat(e.wireCode()).isEqualTo("teapot_error");
                            assertThat(e.code()).isEmpty();
                        });
        proxy.reply(
                "POST",
                PRELOGIN,
                Reply.json(400, "{\"error\":{\"code\":\"Bad Code\\n!\",\"message\":\"m\"}}"));
        assertThatThrownBy(() -> api.prelogin("a@example.test"))
                .isInstanceOfSatisfying(
                        BadRequestException.class,
                        e -> assertThat(e.wireCode()).isEqualTo("unknown"));
    }
}
