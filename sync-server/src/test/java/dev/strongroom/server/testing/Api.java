package dev.strongroom.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strongroom.model.wire.WireJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real HTTP client for a test server (java.net.http). */
public final class Api {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public Api(String base) {
        this.base = base;
    }

    /** An answer: status, headers, body text and the body as a JSON tree. */
    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return WireJson.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String errorCode() {
            return json().path("error").path("code").asText();
        }

        public <T> T as(Class<T> type) {
            try {
                return WireJson.mapper().readValue(body, type);
            } catch (IOException e) {
                throw new AssertionError("cannot read " + type.getSimpleName() + ": " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** Status of a GET, throwing when the server cannot be reached. */
    public int tryGet(String path) {
        try {
            return CLIENT.send(
                            HttpRequest.newBuilder(URI.create(base + path))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null, null);
    }

    public Response post(String path, String token, Object body) {
        return send("POST", path, token, json(body), "application/json");
    }

    public Response put(String path, String token, Object body) {
        return send("PUT", path, token, json(body), "application/json");
    }

    /** Posts raw text (for malformed bodies). */
    public Response postRaw(String path, String token, String body, String contentType) {
        return send("POST", path, token, body, contentType);
    }

    public Response send(
            String method, String path, String token, String body, String contentType) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            // a full "Machine <id>.<secret>" credential is sent as is, anything else is a session
            b.header("Authorization", token.startsWith("Machine ") ? token : "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    private static String json(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return WireJson.mapper().writeValueAsString(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
