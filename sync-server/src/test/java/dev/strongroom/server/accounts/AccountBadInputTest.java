package dev.strongroom.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.LoginFinishRequest;
import dev.strongroom.model.wire.PreloginRequest;
import dev.strongroom.model.wire.WireJson;
import dev.strongroom.server.testing.Api;
import dev.strongroom.server.testing.Backend;
import dev.strongroom.server.testing.BadInputTable;
import dev.strongroom.server.testing.TestServer;
import dev.strongroom.server.testing.TestUser;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bad-input table of every account endpoint: each request answers the expected 4xx with the
 * uniform error body, and the database (domain tables) is byte-for-byte unchanged afterwards.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class AccountBadInputTest {

    @org.junit.jupiter.params.Parameter Backend backend;

    private static TestServer server;
    private static Api api;
    private static TestUser alice;
    private static TestUser bob;
    private static String revokedToken;

    @BeforeParameterizedClassInvocation
    static void start(Backend backend) throws Exception {
        server = TestServer.start(backend, Files.createTempDirectory("badinput"));
        api = server.api();
        alice = new TestUser("alice").register(api).login(api);
        revokedToken = alice.token;
        api.post("/api/v1/logout", revokedToken, "{}");
        alice.login(api);
        bob = new TestUser("bob").register(api).login(api);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    record Case(
            String name,
            String method,
            String path,
            String token,
            String body,
            String contentType,
            int status,
            String code) {}

    private static final String JSON = "application/json";

    @TestFactory
    Stream<DynamicTest> everyBadRequestIsRefusedAndChangesNothing() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(Case c) {
        server.db().write(tx -> tx.update("DELETE FROM login_attempts"));
        List<String> before = server.snapshot();
        Api.Response r = api.send(c.method(), c.path(), c.token(), c.body(), c.contentType());
        assertThat(r.status()).as(c.name() + " -> " + r.body()).isEqualTo(c.status());
        if (c.status() >= 400) {
            JsonNode error = r.json().path("error");
            assertThat(error.path("message").isTextual()).as(r.body()).isTrue();
            assertThat(r.body())
                    .doesNotContainIgnoringCase("exception")
                    .doesNotContainIgnoringCase("sql");
            if (c.code() != null) {
                assertThat(error.path("code").asText())
                        .as(c.name() + " -> " + r.body())
                        .isEqualTo(c.code());
            }
        }
        assertThat(server.snapshot()).as(c.name() + ": database changed").isEqualTo(before);
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String registerBody = json(new TestUser("template").registerRequest());
        String preloginBody = json(new PreloginRequest(alice.email));
        String startBody = "{\"email\":\"" + alice.email + "\"}";
        String finishBody =
                json(
                        new LoginFinishRequest(
                                new dev.strongroom.model.wire.SrpProof(
                                        UUID.randomUUID(), Randoms.bytes(512), Randoms.bytes(32)),
                                "d"));

        // generic body problems, for every endpoint that takes a body
        String[][] bodies = {
            {"POST", "/api/v1/accounts/prelogin", null, preloginBody},
            {"POST", "/api/v1/accounts", null, registerBody},
            {"POST", "/api/v1/login/start", null, startBody},
            {"POST", "/api/v1/login/finish", null, finishBody},
            {"POST", "/api/v1/account/password", "alice", passwordBody()},
            {"POST", "/api/v1/account/delete", "alice", deleteBody()},
        };
        for (String[] b : bodies) {
            String token = "alice".equals(b[2]) ? alice.token : null;
            String p = b[1];
            cases.add(
                    new Case(
                            p + " malformed JSON",
                            b[0],
                            p,
                            token,
                            "{\"email\":",
                            JSON,
                            400,
                            "malformed_json"));
            cases.add(
                    new Case(
                            p + " not an object",
                            b[0],
                            p,
                            token,
                            "[1,2]",
                            JSON,
                            400,
                            "malformed_json"));
            cases.add(new Case(p + " empty body", b[0], p, token, "", JSON, 400, "malformed_json"));
            cases.add(
                    new Case(
                            p + " JSON null", b[0], p, token, "null", JSON, 400, "malformed_json"));
            cases.add(
                    new Case(
                            p + " trailing garbage",
                            b[0],
                            p,
                            token,
                            b[3] + " {}",
                            JSON,
                            400,
                            "malformed_json"));
            cases.add(
                    new Case(
                            p + " unknown field",
                            b[0],
                            p,
                            token,
                            mutate(b[3], o -> o.put("isAdmin", true)),
                            JSON,
                            400,
                            "unknown_field"));
            cases.add(
                    new Case(
                            p + " missing field",
                            b[0],
                            p,
                            token,
                            mutate(b[3], o -> o.remove(o.fieldNames().next())),
                            JSON,
                            400,
                            "missing_field"));
            cases.add(
                    new Case(
                            p + " field as number",
                            b[0],
                            p,
                            token,
                            mutate(b[3], o -> o.put(o.fieldNames().next(), 12345)),
                            JSON,
                            400,
                            null));
            cases.add(
                    new Case(
                            p + " field as array",
                            b[0],
                            p,
                            token,
                            mutate(b[3], o -> o.putArray(o.fieldNames().next()).add("x")),
                            JSON,
                            400,
                            null));
            cases.add(
                    new Case(
                            p + " duplicate key",
                            b[0],
                            p,
                            token,
                            b[3].replaceFirst("\\{", "{" + firstPair(b[3]) + ","),
                            JSON,
                            400,
                            null));
            cases.add(
                    new Case(
                            p + " oversized body",
                            b[0],
                            p,
                            token,
                            "{\"email\":\"" + "a".repeat(400_000) + "\"}",
                            JSON,
                            413,
                            "payload_too_large"));
            cases.add(
                    new Case(
                            p + " text/plain",
                            b[0],
                            p,
                            token,
                            b[3],
                            "text/plain",
                            415,
                            "unsupported_media_type"));
            cases.add(new Case(p + " no content type", b[0], p, token, b[3], null, 415, null));
        }

        // prelogin / login start: emails
        for (String email :
                List.of(
                        "no-at-sign",
                        "a@",
                        "@b",
                        "a b@c.d",
                        "a@b@c",
                        "x".repeat(300) + "@e.st",
                        "nul\\u0000@x.y",
                        "lone\\ud800@x.y",
                        "")) {
            String body = "{\"email\":\"" + email + "\"}";
            cases.add(
                    new Case(
                            "prelogin email " + abbreviate(email),
                            "POST",
                            "/api/v1/accounts/prelogin",
                            null,
                            body,
                            JSON,
                            400,
                            null));
            cases.add(
                    new Case(
                            "login start email " + abbreviate(email),
                            "POST",
                            "/api/v1/login/start",
                            null,
                            body,
                            JSON,
                            400,
                            null));
        }
        for (String odd :
                List.of(
                        "x';DROP/**/TABLE/**/accounts;--@x.y",
                        "\\\"quoted\\\"@x.y",
                        "\\u202egnp.exe@x.y",
                        "用户@例子.广告",
                        "💥@x.y",
                        "a%00@x.y")) {
            // plausible but unknown: answered like any unknown email, nothing stored
            cases.add(
                    new Case(
                            "prelogin odd email " + abbreviate(odd),
                            "POST",
                            "/api/v1/accounts/prelogin",
                            null,
                            "{\"email\":\"" + odd + "\"}",
                            JSON,
                            200,
                            null));
        }

        // register: field-level checks
        cases.add(
                reg(
                        "weak argon2 memory",
                        o -> kdf(o).put("memoryKib", 1024),
                        400,
                        "kdf_parameters_rejected"));
        cases.add(
                reg(
                        "weak argon2 iterations",
                        o -> kdf(o).put("iterations", 1),
                        400,
                        "kdf_parameters_rejected"));
        cases.add(
                reg(
                        "negative iterations",
                        o -> kdf(o).put("iterations", -3),
                        400,
                        "kdf_parameters_rejected"));
        cases.add(
                reg(
                        "huge iterations",
                        o -> kdf(o).put("iterations", 99_999_999_999L),
                        400,
                        "wrong_type"));
        cases.add(reg("float iterations", o -> kdf(o).put("iterations", 3.5), 400, "wrong_type"));
        cases.add(reg("string iterations", o -> kdf(o).put("iterations", "3"), 400, "wrong_type"));
        cases.add(
                reg(
                        "weak pbkdf2",
                        o ->
                                kdf(o).put("algorithm", "pbkdf2-sha256")
                                        .put("iterations", 1000)
                                        .putNull("memoryKib")
                                        .putNull("parallelism"),
                        400,
                        "kdf_parameters_rejected"));
        cases.add(
                reg(
                        "pbkdf2 with memory",
                        o -> kdf(o).put("algorithm", "pbkdf2-sha256").put("iterations", 600000),
                        400,
                        "invalid_request"));
        cases.add(reg("unknown kdf", o -> kdf(o).put("algorithm", "md5"), 400, "invalid_request"));
        cases.add(reg("short kdf salt", o -> kdf(o).put("salt", b64(8)), 400, "invalid_request"));
        cases.add(reg("short srp salt", o -> o.put("srpSalt", b64(4)), 400, "invalid_request"));
        cases.add(
                reg(
                        "verifier too short",
                        o -> o.put("srpVerifier", b64(64)),
                        400,
                        "invalid_request"));
        cases.add(
                reg(
                        "verifier zero",
                        o -> o.put("srpVerifier", Base64Url.encode(new byte[512])),
                        400,
                        "invalid_request"));
        cases.add(
                reg(
                        "verifier above N",
                        o -> o.put("srpVerifier", Base64Url.encode(ff(512))),
                        400,
                        "invalid_request"));
        cases.add(reg("padded base64", o -> o.put("srpSalt", b64(16) + "=="), 400, "wrong_type"));
        cases.add(
                reg(
                        "standard base64 alphabet",
                        o -> o.put("srpSalt", "++++////++++////++++//"),
                        400,
                        "wrong_type"));
        cases.add(
                reg(
                        "oversized wrapped key",
                        o -> o.put("wrappedAccountKey", b64(2000)),
                        413,
                        "payload_too_large"));
        cases.add(
                reg(
                        "oversized private keys",
                        o -> o.put("encryptedPrivateKeys", b64(9000)),
                        413,
                        "payload_too_large"));
        cases.add(
                reg(
                        "empty wrapped key",
                        o -> o.put("wrappedAccountKey", ""),
                        400,
                        "invalid_request"));
        cases.add(
                reg(
                        "uppercase-free non-canonical uuid",
                        o -> o.put("accountId", "1234"),
                        400,
                        "wrong_type"));
        cases.add(
                reg(
                        "uuid with braces",
                        o -> o.put("accountId", "{" + UUID.randomUUID() + "}"),
                        400,
                        "wrong_type"));
        cases.add(
                reg(
                        "bundle for another account",
                        o ->
                                ((ObjectNode) o.get("publicBundle"))
                                        .put("accountId", UUID.randomUUID().toString()),
                        400,
                        "invalid_request"));
        cases.add(
                reg(
                        "bundle for another email",
                        o ->
                                ((ObjectNode) o.get("publicBundle"))
                                        .put("email", "mallory@example.test"),
                        400,
                        "invalid_request"));
        cases.add(
                reg(
                        "bundle key wrong size",
                        o -> ((ObjectNode) o.get("publicBundle")).put("signingKey", b64(31)),
                        400,
                        "invalid_request"));
        cases.add(
                reg(
                        "bundle unknown field",
                        o -> ((ObjectNode) o.get("publicBundle")).put("role", "owner"),
                        400,
                        "unknown_field"));
        cases.add(reg("existing email", o -> o.put("email", alice.email), 400, "invalid_request"));

        // login finish
        cases.add(
                new Case(
                        "finish unknown login",
                        "POST",
                        "/api/v1/login/finish",
                        null,
                        finishBody,
                        JSON,
                        401,
                        "login_failed"));
        cases.add(
                new Case(
                        "finish short M1",
                        "POST",
                        "/api/v1/login/finish",
                        null,
                        mutate(
                                finishBody,
                                o -> ((ObjectNode) o.get("proof")).put("clientProofM1", b64(8))),
                        JSON,
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "finish huge A",
                        "POST",
                        "/api/v1/login/finish",
                        null,
                        mutate(
                                finishBody,
                                o -> ((ObjectNode) o.get("proof")).put("clientPublicA", b64(600))),
                        JSON,
                        413,
                        "payload_too_large"));
        cases.add(
                new Case(
                        "finish blank device",
                        "POST",
                        "/api/v1/login/finish",
                        null,
                        mutate(finishBody, o -> o.put("deviceName", "  ")),
                        JSON,
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "finish control chars in device",
                        "POST",
                        "/api/v1/login/finish",
                        null,
                        mutate(finishBody, o -> o.put("deviceName", "a\u0007b")),
                        JSON,
                        400,
                        "invalid_request"));

        // authentication on every protected endpoint
        String[][] protectedRoutes = {
            {"GET", "/api/v1/account", null},
            {"GET", "/api/v1/sessions", null},
            {"DELETE", "/api/v1/sessions/" + UUID.randomUUID(), null},
            {"POST", "/api/v1/logout", "{}"},
            {"POST", "/api/v1/account/password", passwordBody()},
            {"POST", "/api/v1/account/delete", deleteBody()},
            {"GET", "/api/v1/directory/accounts?email=" + bob.email, null},
            {"GET", "/api/v1/directory/accounts/" + bob.id, null},
        };
        for (String[] p : protectedRoutes) {
            String ct = p[2] == null ? null : JSON;
            cases.add(
                    new Case(
                            p[0] + " " + p[1] + " without token",
                            p[0],
                            p[1],
                            null,
                            p[2],
                            ct,
                            401,
                            "unauthenticated"));
            cases.add(
                    new Case(
                            p[0] + " " + p[1] + " garbage token",
                            p[0],
                            p[1],
                            "not-a-token",
                            p[2],
                            ct,
                            401,
                            "unauthenticated"));
            cases.add(
                    new Case(
                            p[0] + " " + p[1] + " unknown token",
                            p[0],
                            p[1],
                            Base64Url.encode(Randoms.bytes(32)),
                            p[2],
                            ct,
                            401,
                            "unauthenticated"));
            cases.add(
                    new Case(
                            p[0] + " " + p[1] + " revoked token",
                            p[0],
                            p[1],
                            revokedToken,
                            p[2],
                            ct,
                            401,
                            "session_expired"));
            cases.add(
                    new Case(
                            p[0] + " " + p[1] + " SQL in token",
                            p[0],
                            p[1],
                            "' OR '1'='1",
                            p[2],
                            ct,
                            401,
                            "unauthenticated"));
        }

        // ids
        cases.add(
                new Case(
                        "revoke invalid id",
                        "DELETE",
                        "/api/v1/sessions/not-a-uuid",
                        alice.token,
                        null,
                        null,
                        400,
                        "invalid_id"));
        cases.add(
                new Case(
                        "revoke SQL id",
                        "DELETE",
                        "/api/v1/sessions/1%27%20OR%201=1",
                        alice.token,
                        null,
                        null,
                        400,
                        "invalid_id"));
        cases.add(
                new Case(
                        "revoke unknown session",
                        "DELETE",
                        "/api/v1/sessions/" + UUID.randomUUID(),
                        alice.token,
                        null,
                        null,
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "revoke another user's session",
                        "DELETE",
                        "/api/v1/sessions/" + bob.sessionId,
                        alice.token,
                        null,
                        null,
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "directory invalid id",
                        "GET",
                        "/api/v1/directory/accounts/xyz",
                        alice.token,
                        null,
                        null,
                        400,
                        "invalid_id"));
        cases.add(
                new Case(
                        "directory unknown id",
                        "GET",
                        "/api/v1/directory/accounts/" + UUID.randomUUID(),
                        alice.token,
                        null,
                        null,
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "directory no email",
                        "GET",
                        "/api/v1/directory/accounts",
                        alice.token,
                        null,
                        null,
                        400,
                        "missing_field"));
        cases.add(
                new Case(
                        "directory bad email",
                        "GET",
                        "/api/v1/directory/accounts?email=%27%3B--",
                        alice.token,
                        null,
                        null,
                        400,
                        "invalid_request"));

        // re-authentication
        cases.add(
                new Case(
                        "password change with unknown login",
                        "POST",
                        "/api/v1/account/password",
                        alice.token,
                        passwordBody(),
                        JSON,
                        401,
                        "login_failed"));
        cases.add(
                new Case(
                        "password change weak kdf",
                        "POST",
                        "/api/v1/account/password",
                        alice.token,
                        mutate(passwordBody(), o -> kdf(o).put("memoryKib", 8)),
                        JSON,
                        400,
                        "kdf_parameters_rejected"));
        cases.add(
                new Case(
                        "delete with unknown login",
                        "POST",
                        "/api/v1/account/delete",
                        alice.token,
                        deleteBody(),
                        JSON,
                        401,
                        "login_failed"));

        // routing
        cases.add(
                new Case(
                        "unknown route",
                        "GET",
                        "/api/v1/nothing-here",
                        alice.token,
                        null,
                        null,
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "wrong method",
                        "PUT",
                        "/api/v1/account",
                        alice.token,
                        "{}",
                        JSON,
                        405,
                        "method_not_allowed"));
        return cases;
    }

    private static Case reg(String name, Consumer<ObjectNode> change, int status, String code) {
        TestUser fresh = new TestUser("reg");
        String body = json(fresh.registerRequest());
        if (name.equals("existing email")) {
            status = 409;
            code = "already_exists";
            TestUser dup = TestUser.withEmail(alice.email);
            body = json(dup.registerRequest());
            return new Case(
                    "register " + name, "POST", "/api/v1/accounts", null, body, JSON, status, code);
        }
        return new Case(
                "register " + name,
                "POST",
                "/api/v1/accounts",
                null,
                mutate(body, change),
                JSON,
                status,
                code);
    }

    private static ObjectNode kdf(ObjectNode o) {
        return (ObjectNode) o.get("kdf");
    }

    private static String passwordBody() {
        return "{\"proof\":{\"loginId\":\""
                + UUID.randomUUID()
                + "\",\"clientPublicA\":\""
                + b64(512)
                + "\",\"clientProofM1\":\""
                + b64(32)
                + "\"},\"kdf\":{\"algorithm\":\"argon2id\",\"memoryKib\":65536,"
                + "\"iterations\":3,\"parallelism\":4,\"salt\":\""
                + b64(16)
                + "\"},\"srpSalt\":\""
                + b64(16)
                + "\",\"srpVerifier\":\""
                + Base64Url.encode(new TestUser("v").verifier())
                + "\",\"wrappedAccountKey\":\""
                + b64(72)
                + "\"}";
    }

    private static String deleteBody() {
        return "{\"proof\":{\"loginId\":\""
                + UUID.randomUUID()
                + "\",\"clientPublicA\":\""
                + b64(512)
                + "\",\"clientProofM1\":\""
                + b64(32)
                + "\"}}";
    }

    private static String b64(int n) {
        return Base64Url.encode(Randoms.bytes(n));
    }

    private static byte[] ff(int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) 0xff);
        return b;
    }

    private static String json(Object o) {
        return BadInputTable.json(o);
    }

    private static String mutate(String body, Consumer<ObjectNode> change) {
        return BadInputTable.mutate(body, change);
    }

    private static String firstPair(String body) {
        try {
            ObjectNode node = (ObjectNode) WireJson.mapper().readTree(body);
            String name = node.fieldNames().next();
            return "\"" + name + "\":" + WireJson.mapper().writeValueAsString(node.get(name));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "..." : s;
    }
}
