package dev.strongroom.client.adversary;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.strongroom.client.api.ServerEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A malicious server for attack tests: a real HTTP proxy on its own random loopback port between a
 * client (pointed at {@link #endpoint()}) and the real sync server. Rules, matched on method and a
 * path regex, may rewrite the request before it is forwarded, rewrite the real answer, or answer on
 * their own (a replayed earlier answer, a forged one). With {@link #recording(boolean)} on, every
 * exchange is kept whole, for replays and for the zero-knowledge canary search.
 */
final class MaliciousServer implements AutoCloseable {

    /** A request as the client sent it. */
    record Request(
            String method, String path, String query, Map<String, String> headers, byte[] body) {
        String target() {
            return method + " " + path;
        }

        JsonNode json() {
            return JsonEdits.parse(body);
        }

        Request withJson(JsonNode tree) {
            return new Request(method, path, query, headers, JsonEdits.bytes(tree));
        }
    }

    /** An answer: status, headers and body. */
    record Response(int status, Map<String, String> headers, byte[] body) {
        JsonNode json() {
            return JsonEdits.parse(body);
        }

        Response withJson(JsonNode tree) {
            return new Response(status, headers, JsonEdits.bytes(tree));
        }

        Response withStatus(int newStatus) {
            return new Response(newStatus, headers, body);
        }
    }

    /** One recorded round trip. */
    record Exchange(Request request, Response response) {}

    /** Forwards a (possibly rewritten) request to the real server. */
    @FunctionalInterface
    interface Upstream {
        Response send(Request request);
    }

    /** Decides the answer to a matching request. */
    @FunctionalInterface
    interface Rule {
        Response answer(Request request, Upstream upstream) throws Exception;
    }

    private record Binding(String method, Pattern path, Rule rule) {}

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final List<String> FORWARDED =
            List.of("Authorization", "Content-Type", "Accept");

    private final URI upstream;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Binding> rules = new CopyOnWriteArrayList<>();
    private final List<Exchange> recorded = new CopyOnWriteArrayList<>();
    private volatile boolean recording;

    MaliciousServer(ServerEndpoint real) throws IOException {
        this.upstream = real.baseUrl();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    ServerEndpoint endpoint() {
        return ServerEndpoint.of("http://127.0.0.1:" + server.getAddress().getPort(), null);
    }

    /** Adds a rule for {@code method} and a path regex (the whole path must match); last wins. */
    MaliciousServer on(String method, String pathRegex, Rule rule) {
        rules.add(0, new Binding(method, Pattern.compile(pathRegex), rule));
        return this;
    }

    /** Rewrites the JSON of the real server's answers (the edit may change the tree in place). */
    MaliciousServer rewriteResponse(String method, String pathRegex, UnaryOperator<JsonNode> edit) {
        return on(
                method,
                pathRegex,
                (req, up) -> {
                    Response real = up.send(req);
                    return real.status() / 100 == 2 ? real.withJson(edit.apply(real.json())) : real;
                });
    }

    /** Rewrites the JSON body of matching requests before forwarding them. */
    MaliciousServer rewriteRequest(String method, String pathRegex, UnaryOperator<JsonNode> edit) {
        return on(method, pathRegex, (req, up) -> up.send(req.withJson(edit.apply(req.json()))));
    }

    /** Answers matching requests with a fixed (e.g. recorded, older) answer. */
    MaliciousServer replay(String method, String pathRegex, Response old) {
        return on(method, pathRegex, (req, up) -> old);
    }

    void clearRules() {
        rules.clear();
    }

    MaliciousServer recording(boolean on) {
        recording = on;
        return this;
    }

    List<Exchange> recorded() {
        return List.copyOf(recorded);
    }

    /** Recorded exchanges whose method matches and whose path matches the regex. */
    List<Exchange> recorded(String method, String pathRegex) {
        Pattern p = Pattern.compile(pathRegex);
        List<Exchange> out = new ArrayList<>();
        for (Exchange e : recorded) {
            if (e.request().method().equals(method) && p.matcher(e.request().path()).matches()) {
                out.add(e);
            }
        }
        return out;
    }

    /** The most recent recorded answer to a matching request. */
    Response lastResponse(String method, String pathRegex) {
        List<Exchange> all = recorded(method, pathRegex);
        if (all.isEmpty()) {
            throw new IllegalStateException("nothing recorded for " + method + " " + pathRegex);
        }
        return all.get(all.size() - 1).response();
    }

    void clearRecorded() {
        recorded.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h : FORWARDED) {
                String v = ex.getRequestHeaders().getFirst(h);
                if (v != null) {
                    headers.put(h, v);
                }
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            Request req =
                    new Request(
                            ex.getRequestMethod(),
                            ex.getRequestURI().getRawPath(),
                            ex.getRequestURI().getRawQuery(),
                            headers,
                            body);
            Response resp = answer(req);
            if (recording) {
                recorded.add(new Exchange(req, resp));
            }
            resp.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            boolean empty = resp.body().length == 0 || resp.status() == 204;
            ex.sendResponseHeaders(resp.status(), empty ? -1 : resp.body().length);
            if (!empty) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(resp.body());
                }
            }
        } catch (IOException e) {
            // the client hung up (it may refuse an answer early): nothing to do
        }
    }

    private Response answer(Request req) {
        for (Binding b : rules) {
            if (b.method().equals(req.method()) && b.path().matcher(req.path()).matches()) {
                try {
                    return b.rule().answer(req, this::forward);
                } catch (Exception e) {
                    throw new IllegalStateException("attack rule failed on " + req.target(), e);
                }
            }
        }
        return forward(req);
    }

    private Response forward(Request req) {
        String q = req.query() == null ? "" : "?" + req.query();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(upstream + req.path() + q));
        req.headers().forEach(b::header);
        b.method(
                req.method(),
                req.body().length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(req.body()));
        try {
            HttpResponse<byte[]> r =
                    CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            r.headers().firstValue("Content-Type").ifPresent(v -> headers.put("Content-Type", v));
            return new Response(r.statusCode(), headers, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
