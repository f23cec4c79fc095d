package dev.strongroom.client.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.model.wire.WireJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;

/**
 * JSON over HTTP to one sync server, the layer every typed API client of the project shares (the
 * account calls in {@link ServerApi}, and vault, item and sync calls built the same way): the wire
 * mapper in both directions, bearer tokens, TLS with an optional pinned certificate, a cap on reply
 * size, one deadline per call covering headers and body, no redirects, and one mapping of every
 * failure to a typed exception:
 *
 * <ul>
 *   <li>refused connection, unknown host, timeout: {@link ServerUnreachableException};
 *   <li>pinned certificate mismatch: {@link SecurityAlert} {@code TLS_PIN_MISMATCH};
 *   <li>other handshake failures: {@link TlsHandshakeException};
 *   <li>an error status: the {@link ApiException} subclass for it;
 *   <li>a reply that is oversized, not JSON, incomplete or of the wrong shape: {@link
 *       MalformedResponseException}.
 * </ul>
 *
 * Thread-safe; one instance per server is enough.
 */
public final class ApiTransport {

    /**
     * @param connectTimeout how long to wait for a TCP (and TLS) connection
     * @param requestTimeout how long a whole call may take, headers and body
     * @param maxResponseBytes the largest reply body read; anything longer is refused
     */
    public record Options(Duration connectTimeout, Duration requestTimeout, long maxResponseBytes) {
        /** 10 s to connect, 60 s per call, 16 MiB per reply. */
        public static final Options DEFAULT =
                new Options(Duration.ofSeconds(10), Duration.ofSeconds(60), 16L << 20);

        public Options {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            if (maxResponseBytes < 1024) {
                throw new IllegalArgumentException("maxResponseBytes must be at least 1 KiB");
            }
        }
    }

    private final ServerEndpoint endpoint;
    private final Options options;
    private final HttpClient client;

    private ApiTransport(ServerEndpoint endpoint, Options options, HttpClient client) {
        this.endpoint = endpoint;
        this.options = options;
        this.client = client;
    }

    public static ApiTransport connect(ServerEndpoint endpoint) {
        return connect(endpoint, Options.DEFAULT);
    }

    public static ApiTransport connect(ServerEndpoint endpoint, Options options) {
        HttpClient.Builder builder =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(options.connectTimeout());
        endpoint.pin().ifPresent(pin -> builder.sslContext(pinnedContext(pin)));
        if (endpoint.baseUrl().getScheme().equals("http")) {
            builder.sslContext(unusedContext());
        }
        return new ApiTransport(endpoint, options, builder.build());
    }

    /**
     * For a plain-http (loopback-only) endpoint the client never does TLS, but HttpClient builds
     * the JVM's default SSLContext anyway, which parses the whole CA store: about a tenth of a
     * headless {@code read}'s CPU time. A context that trusts nothing stands in for it.
     */
    private static SSLContext unusedContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[0], new TrustManager[0], null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }

    private static SSLContext pinnedContext(TlsPin pin) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(
                    null,
                    new TrustManager[] {new PinnedCertificateTrustManager(pin)},
                    Randoms.secureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }

    public ServerEndpoint endpoint() {
        return endpoint;
    }

    /** GET, expecting 200 and a {@code type} body. */
    public <T> T get(String path, BearerToken token, Class<T> type) {
        return expect(exchange("GET", path, token, null), 200, type, "GET " + path);
    }

    /** POST a JSON body, expecting {@code status} and a {@code type} body. */
    public <T> T post(String path, BearerToken token, Object body, int status, Class<T> type) {
        return expect(exchange("POST", path, token, body), status, type, "POST " + path);
    }

    /** PUT a JSON body, expecting {@code status} and a {@code type} body. */
    public <T> T put(String path, BearerToken token, Object body, int status, Class<T> type) {
        return expect(exchange("PUT", path, token, body), status, type, "PUT " + path);
    }

    /** POST (body may be null), expecting 204 No Content. */
    public void postNoContent(String path, BearerToken token, Object body) {
        expect(exchange("POST", path, token, body), 204, null, "POST " + path);
    }

    /** DELETE, expecting 204 No Content. */
    public void deleteNoContent(String path, BearerToken token) {
        expect(exchange("DELETE", path, token, null), 204, null, "DELETE " + path);
    }

    private record Reply(int status, HttpHeaders headers, byte[] body) {}

    private static <T> T expect(Reply reply, int status, Class<T> type, String request) {
        if (reply.status() == status) {
            if (type == null) {
                return null;
            }
            if (!Replies.isJson(reply.headers())) {
                throw new MalformedResponseException(
                        "the server's reply to " + request + " is not application/json");
            }
            return Replies.parse(reply.body(), type, request);
        }
        if (reply.status() >= 400 && reply.status() < 600) {
            throw Replies.error(
                    reply.status(), reply.headers(), reply.body(), Replies.isJson(reply.headers()));
        }
        throw new MalformedResponseException(
                "the server answered "
                        + request
                        + " with HTTP "
                        + reply.status()
                        + ", expected "
                        + status);
    }

    private Reply exchange(String method, String path, BearerToken token, Object body) {
        if (!path.startsWith("/api/v1/")) {
            throw new IllegalArgumentException("API paths start with /api/v1/");
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + path))
                        .timeout(options.requestTimeout())
                        .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", token.headerValue());
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        String what = method + " " + path;
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(
                        request.build(), CappedBodySubscriber.handler(options.maxResponseBytes()));
        try {
            HttpResponse<byte[]> r =
                    future.get(options.requestTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ServerUnreachableException(
                    what + ": the server did not answer in time (" + endpoint + ")", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException(what + ": interrupted", e);
        } catch (ExecutionException e) {
            throw translate(e.getCause() == null ? e : e.getCause(), what);
        }
    }

    private RuntimeException translate(Throwable failure, String what) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CappedBodySubscriber.TooLargeException) {
                return new MalformedResponseException(
                        "the server's reply to "
                                + what
                                + " is larger than "
                                + options.maxResponseBytes()
                                + " bytes; refused",
                        t);
            }
            if (t instanceof PinnedCertificateTrustManager.PinMismatchException) {
                return new SecurityAlert(
                        SecurityAlertCode.TLS_PIN_MISMATCH,
                        endpoint.baseUrl() + " presented a different certificate",
                        t);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException) {
                return new ServerUnreachableException(
                        what + ": the server did not answer in time (" + endpoint + ")", t);
            }
            if (t instanceof SSLException) {
                return new TlsHandshakeException(
                        what + ": TLS with " + endpoint + " failed (certificate not trusted?)", t);
            }
        }
        if (failure instanceof IOException
                || failure instanceof java.nio.channels.UnresolvedAddressException) {
            return new ServerUnreachableException(
                    what + ": cannot reach the server at " + endpoint, failure);
        }
        if (failure instanceof RuntimeException r) {
            return r;
        }
        return new ServerUnreachableException(
                what + ": cannot reach the server at " + endpoint, failure);
    }

    private static byte[] json(Object body) {
        try {
            return WireJson.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "request body is not serialisable: " + body.getClass().getSimpleName(), e);
        }
    }

    @Override
    public String toString() {
        return "ApiTransport[" + endpoint + "]";
    }
}
