package dev.strongroom.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.model.wire.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The shared machinery of the bad-input tables: a row (request and expected refusal), the check
 * that runs it (right status and code, uniform error body without internals, database unchanged),
 * and the generic rows every endpoint taking a JSON body gets.
 */
public final class BadInputTable {

    private BadInputTable() {}

    /** One bad request and the refusal it must get ({@code code} null: any code). */
    public record Case(
            String name,
            String method,
            String path,
            String token,
            String body,
            int status,
            String code) {}

    /** Sends the request and checks the refusal and that no domain row changed. */
    public static void check(TestServer server, Case c) {
        List<String> before = server.snapshot();
        Api.Response r =
                server.api()
                        .send(
                                c.method(),
                                c.path(),
                                c.token(),
                                c.body(),
                                c.body() == null ? null : "application/json");
        assertThat(r.status()).as(c.name() + " -> " + r.body()).isEqualTo(c.status());
        assertThat(r.json().path("error").path("message").isTextual()).as(r.body()).isTrue();
        assertThat(r.body())
                .doesNotContainIgnoringCase("exception")
                .doesNotContainIgnoringCase("sql");
        if (c.code() != null) {
            assertThat(r.errorCode()).as(c.name() + " -> " + r.body()).isEqualTo(c.code());
        }
        assertThat(server.snapshot()).as(c.name() + ": database changed").isEqualTo(before);
    }

    /**
     * The rows for an endpoint taking a JSON body: malformed, an array, an unknown field, a missing
     * field, a wrong type, an oversized body (answered {@code oversized}), no token and a revoked
     * session token. {@code valid} is a valid body the mutations start from.
     */
    public static List<Case> bodyCases(
            String name,
            String method,
            String path,
            String token,
            String revokedToken,
            String valid,
            int oversized) {
        List<Case> cases = new ArrayList<>();
        cases.add(
                new Case(
                        name + " malformed",
                        method,
                        path,
                        token,
                        "{\"a\":",
                        400,
                        "malformed_json"));
        cases.add(new Case(name + " array", method, path, token, "[]", 400, "malformed_json"));
        cases.add(
                new Case(
                        name + " unknown field",
                        method,
                        path,
                        token,
                        mutate(valid, o -> o.put("owner", "me")),
                        400,
                        "unknown_field"));
        cases.add(
                new Case(
                        name + " missing field",
                        method,
                        path,
                        token,
                        mutate(valid, o -> o.remove(o.fieldNames().next())),
                        400,
                        "missing_field"));
        cases.add(
                new Case(
                        name + " wrong type",
                        method,
                        path,
                        token,
                        mutate(valid, o -> o.put(o.fieldNames().next(), true)),
                        400,
                        null));
        cases.add(
                new Case(
                        name + " oversized",
                        method,
                        path,
                        token,
                        "{\"x\":\"" + "a".repeat(3_000_000) + "\"}",
                        oversized,
                        oversized == 413 ? "payload_too_large" : null));
        cases.add(new Case(name + " no token", method, path, null, valid, 401, "unauthenticated"));
        cases.add(
                new Case(
                        name + " revoked token",
                        method,
                        path,
                        revokedToken,
                        valid,
                        401,
                        "session_expired"));
        return cases;
    }

    public static String json(Object o) {
        try {
            return WireJson.mapper().writeValueAsString(o);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static String mutate(String body, Consumer<ObjectNode> change) {
        try {
            ObjectNode node = (ObjectNode) WireJson.mapper().readTree(body);
            change.accept(node);
            return WireJson.mapper().writeValueAsString(node);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
