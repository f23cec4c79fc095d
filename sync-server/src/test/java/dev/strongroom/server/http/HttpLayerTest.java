package dev.strongroom.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strongroom.model.wire.WireJson;
import dev.strongroom.server.testing.Api;
import dev.strongroom.server.testing.Backend;
import dev.strongroom.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpLayerTest {

    @TempDir Path dir;

    @Test
    void everyAnswerCarriesSecurityHeadersAndNoCors() {
        try (TestServer server = TestServer.start(Backend.SQLITE, dir)) {
            Api api = server.api();
            for (Api.Response r :
                    new Api.Response[] {
                        api.get("/api/v1/health", null),
                        api.get("/api/v1/nope", null),
                        api.get("/api/v1/account", null),
                        api.send("OPTIONS", "/api/v1/accounts/prelogin", null, null, null),
                    }) {
                var h = r.raw().headers();
                assertThat(h.firstValue("x-content-type-options")).hasValue("nosniff");
                assertThat(h.firstValue("cache-control")).hasValue("no-store");
                assertThat(h.firstValue("x-frame-options")).hasValue("DENY");
                assertThat(h.firstValue("content-security-policy")).isPresent();
                assertThat(h.firstValue("access-control-allow-origin")).isEmpty();
                assertThat(h.firstValue("server")).isEmpty();
            }
            assertThat(api.get("/api/v1/health", null).json().path("status").asText())
                    .isEqualTo("ok");
            Api.Response unknown = api.get("/api/v1/nope", null);
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.errorCode()).isEqualTo("not_found");
        }
    }

    @Test
    void theOpenApiDocumentDescribesExactlyTheRegisteredRoutes() throws Exception {
        try (TestServer server = TestServer.start(Backend.SQLITE, dir)) {
            Api.Response r = server.api().get("/openapi", null);
            assertThat(r.status()).isEqualTo(200);
            JsonNode paths = WireJson.mapper().readTree(r.body()).path("paths");
            Set<String> documented = new HashSet<>();
            for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
                String path = it.next();
                for (Iterator<String> m = paths.get(path).fieldNames(); m.hasNext(); ) {
                    documented.add(m.next().toUpperCase(Locale.ROOT) + " " + path);
                }
            }
            Set<String> registered = new HashSet<>();
            for (Routes.Route route : server.server().routes().all()) {
                registered.add(route.method() + " " + route.path());
                JsonNode op =
                        paths.path(route.path()).path(route.method().toLowerCase(Locale.ROOT));
                boolean secured = op.path("security").size() > 0;
                assertThat(secured)
                        .as("security of " + route.method() + " " + route.path())
                        .isEqualTo(route.access().authenticated());
            }
            assertThat(registered).hasSizeGreaterThan(10);
            assertThat(documented).isEqualTo(registered);
        }
    }

    @Test
    void aDatabaseFaultIsA5xxWithoutDetails() {
        try (TestServer server = TestServer.start(Backend.SQLITE, dir)) {
            server.db().close();
            Api.Response r =
                    server.api().post("/api/v1/accounts/prelogin", null, "{\"email\":\"a@b.c\"}");
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.body())
                    .isEqualTo(
                            "{\"error\":{\"code\":\"internal_error\",\"message\":\"internal error\"}}");
            Api.Response health = server.api().get("/api/v1/health", null);
            assertThat(health.status()).isEqualTo(503);
        }
    }

    @Test
    void stoppingFinishesARequestAlreadyInFlight() throws Exception {
        TestServer server = TestServer.start(Backend.SQLITE, dir);
        int port = server.server().port();
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(
                                        "http://127.0.0.1:" + port + "/api/v1/accounts/prelogin"))
                        .header("Content-Type", "application/json")
                        .POST(new SlowBody("{\"email\":", "\"slow@example.test\"}", 1500))
                        .build();
        CompletableFuture<HttpResponse<String>> pending =
                HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
        Thread.sleep(500);
        long started = System.nanoTime();
        server.close();
        HttpResponse<String> response = pending.get(20, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("srpSalt");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThan(500);
    }

    /** A request body sent in two parts with a pause between them. */
    private record SlowBody(String first, String second, long pauseMs)
            implements HttpRequest.BodyPublisher {
        @Override
        public long contentLength() {
            return (first + second).getBytes(StandardCharsets.UTF_8).length;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            subscriber.onSubscribe(
                    new Flow.Subscription() {
                        int sent;

                        @Override
                        public void request(long n) {
                            if (sent == 0) {
                                sent = 1;
                                subscriber.onNext(
                                        ByteBuffer.wrap(first.getBytes(StandardCharsets.UTF_8)));
                                new Thread(
                                                () -> {
                                                    try {
                                                        Thread.sleep(pauseMs);
                                                    } catch (InterruptedException e) {
                                                        Thread.currentThread().interrupt();
                                                    }
                                                    subscriber.onNext(
                                                            ByteBuffer.wrap(
                                                                    second.getBytes(
                                                                            StandardCharsets
                                                                                    .UTF_8)));
                                                    subscriber.onComplete();
                                                })
                                        .start();
                            }
                        }

                        @Override
                        public void cancel() {}
                    });
        }
    }
}
