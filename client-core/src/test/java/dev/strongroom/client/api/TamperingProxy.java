package dev.strongroom.client.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.strongroom.model.wire.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A malicious or broken server for tests: an HTTP server on a free loopback port that forwards
 * every request to a real sync server (or to nothing) and lets a test replace or rewrite any
 * answer, per method and path. It records the requests it saw.
 */
public final class TamperingProxy implements AutoCloseable {

    /** An answer: status, content type (null for none) and body. */
    public record Reply(int status, String contentType, byte[] body) {
        public static Reply json(int status, String body) {
            return new Reply(status, "application/json", body.getBytes(StandardCharsets.UTF_8));
        }

        public ObjectNode tree() {
            try {
                return (ObjectNode) WireJson.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Reply withTree(ObjectNode tree) {
            try {
                return new Reply(status, contentType, WireJson.mapper().writeValueAsBytes(tree));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Decides the answer to one request; {@code upstream} forwards it to the real server. */
    @FunctionalInterface
    public interface Rule {
        Reply answer(byte[] requestBody, Supplier<Reply> upstream) throws Exception;
    }

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final URI upstream;
    private final Map<String, Rule> rules = new ConcurrentHashMap<>();
    private final List<String> seen = new CopyOnWriteArrayList<>();

    private TamperingProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A proxy in front of a real server. */
    public static TamperingProxy forwardingTo(ServerEndpoint real) throws IOException {
        return new TamperingProxy(real.baseUrl());
    }

    /** A proxy with no server behind it: unanswered requests get 502. */
    public static TamperingProxy standalone() throws IOException {
        return new TamperingProxy(null);
    }

    public ServerEndpoint endpoint() {
        return ServerEndpoint.of("http://127.0.0.1:" + server.getAddress().getPort(), null);
    }

    /** Sets the rule for "METHOD /path" (the path without query). */
    public TamperingProxy on(String method, String path, Rule rule) {
        rules.put(method + " " + path, rule);
        return this;
    }

    /** Answers "METHOD /path" with a fixed reply. */
    public TamperingProxy reply(String method, String path, Reply reply) {
        return on(method, path, (body, up) -> reply);
    }

    /** Rewrites the JSON of the real server's answer to "METHOD /path". */
    public TamperingProxy rewrite(String method, String path, Consumer<ObjectNode> edit) {
        return on(
                method,
                path,
                (body, up) -> {
                    Reply real = up.get();
                    ObjectNode tree = real.tree();
                    edit.accept(tree);
                    return real.withTree(tree);
                });
    }

    public void clearRules() {
        rules.clear();
    }

    /** "METHOD /path" of every request seen, in order. */
    public List<String> requests() {
        return List.copyOf(seen);
    }

    public void clearRequests() {
        seen.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery();
            seen.add(method + " " + path);
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            Supplier<Reply> up = () -> forward(ex, method, path, query, body);
            Rule rule = rules.get(method + " " + path);
            Reply reply;
            try {
                reply = rule == null ? up.get() : rule.answer(body, up);
            } catch (Exception e) {
                reply =
                        Reply.json(
                                500,
                                "{\"error\":{\"code\":\"internal_error\",\"message\":\"proxy\"}}");
            }
            if (reply.contentType() != null) {
                ex.getResponseHeaders().set("Content-Type", reply.contentType());
            }
            byte[] out = reply.body();
            ex.sendResponseHeaders(
                    reply.status(), reply.status() == 204 || out.length == 0 ? -1 : out.length);
            if (out.length > 0 && reply.status() != 204) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            }
        } catch (IOException e) {
            // the client went away (e.g. it refused an oversized reply): nothing to do
        }
    }

    private Reply forward(HttpExchange ex, String method, String path, String query, byte[] body) {
        if (upstream == null) {
            return Reply.json(
                    502, "{\"error\":{\"code\":\"unavailable\",\"message\":\"no upstream\"}}");
        }
        HttpRequest.Builder b =
                HttpRequest.newBuilder(
                        URI.create(upstream + path + (query == null ? "" : "?" + query)));
        for (String h : List.of("Authorization", "Content-Type", "Accept")) {
            String v = ex.getRequestHeaders().getFirst(h);
            if (v != null) {
                b.header(h, v);
            }
        }
        b.method(
                method,
                body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> r =
                    CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes a body of {@code size} bytes in chunks without a Content-Length (for cap tests). */
    public TamperingProxy streamHuge(String method, String path, long size) {
        server.removeContext("/");
        server.createContext(
                "/",
                ex -> {
                    try (ex) {
                        ex.getRequestBody().readAllBytes();
                        if (!(ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath())
                                .equals(method + " " + path)) {
                            ex.sendResponseHeaders(404, -1);
                            return;
                        }
                        ex.getResponseHeaders().set("Content-Type", "application/json");
                        ex.sendResponseHeaders(200, 0);
                        byte[] chunk = new byte[64 * 1024];
                        java.util.Arrays.fill(chunk, (byte) ' ');
                        try (OutputStream os = ex.getResponseBody()) {
                            for (long sent = 0; sent < size; sent += chunk.length) {
                                os.write(chunk);
                            }
                        }
                    } catch (IOException e) {
                        // the client hung up, as it should
                    }
                });
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
