package dev.strongroom.server.http;

import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.api.ErrorResponse;
import dev.strongroom.model.wire.WireJson;
import dev.strongroom.server.config.ServerConfig;
import io.javalin.Javalin;
import io.javalin.community.ssl.SslPlugin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front: Javalin on Jetty, TLS from PEM files when configured, security headers on every
 * answer, no CORS, and one place that turns every outcome into the uniform JSON error body. No
 * stack trace, SQL or exception text of a fault ever reaches a client; faults are logged here by
 * type and message only (messages of our own making, no secrets).
 */
public final class HttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final long STOP_TIMEOUT_MS = 20_000;

    private final Javalin app;
    private final InFlight inFlight;

    private HttpServer(Javalin app, InFlight inFlight) {
        this.app = app;
        this.inFlight = inFlight;
    }

    public static HttpServer create(
            ServerConfig config,
            Routes routes,
            Credentials credentials,
            MachineCallAudit machineAudit) {
        byte[] openApi = loadOpenApi();
        Javalin app =
                Javalin.create(
                        cfg -> {
                            cfg.showJavalinBanner = false;
                            cfg.jsonMapper(new JavalinJackson(WireJson.mapper(), false));
                            cfg.http.defaultContentType = "application/json";
                            cfg.http.maxRequestSize =
                                    Math.max(
                                            config.maxRequestBytes(),
                                            Math.max(
                                                    config.maxRotationBytes(),
                                                    config.maxItemBytes() * 2));
                            cfg.http.disableCompression();
                            cfg.router.ignoreTrailingSlashes = false;
                            cfg.http.prefer405over404 = true;
                            cfg.jetty.modifyServer(
                                    server -> {
                                        server.setStopTimeout(STOP_TIMEOUT_MS);
                                        // graceful stop: wait for in-flight requests to finish
                                        StatisticsHandler stats = new StatisticsHandler();
                                        server.insertHandler(stats);
                                    });
                            cfg.jetty.modifyHttpConfiguration(
                                    http -> {
                                        http.setSendServerVersion(false);
                                        http.setSendXPoweredBy(false);
                                    });
                            if (config.tls()) {
                                cfg.registerPlugin(
                                        new SslPlugin(
                                                ssl -> {
                                                    ssl.pemFromPath(
                                                            config.tlsCert().toString(),
                                                            config.tlsKey().toString());
                                                    ssl.insecure = false;
                                                    ssl.secure = true;
                                                    ssl.securePort = config.port();
                                                    ssl.host = config.bindAddress();
                                                    ssl.sniHostCheck = false;
                                                }));
                            } else {
                                cfg.jetty.defaultHost = config.bindAddress();
                                cfg.jetty.defaultPort = config.port();
                            }
                            cfg.requestLogger.http(
                                    (ctx, ms) -> {
                                        if (ctx.statusCode() >= 500) {
                                            LOG.warn(
                                                    "{} {} -> {} ({} ms)",
                                                    ctx.method(),
                                                    ctx.path(),
                                                    ctx.statusCode(),
                                                    Math.round(ms));
                                        } else if (LOG.isDebugEnabled()) {
                                            LOG.debug(
                                                    "{} {} -> {} ({} ms)",
                                                    ctx.method(),
                                                    ctx.path(),
                                                    ctx.statusCode(),
                                                    Math.round(ms));
                                        }
                                    });
                        });

        boolean tls = config.tls();
        app.before(ctx -> securityHeaders(ctx, tls));
        app.exception(ApiException.class, (e, ctx) -> answer(ctx, e));
        app.exception(
                HttpResponseException.class,
                (e, ctx) -> answer(ctx, e.getStatus(), fromStatus(e.getStatus())));
        app.exception(
                Exception.class,
                (e, ctx) -> {
                    LOG.error(
                            "fault in {} {}: {}", ctx.method(), ctx.matchedPath(), describe(e), e);
                    answer(ctx, 500, ErrorCode.INTERNAL_ERROR);
                });
        // Statuses set by Javalin itself (no matching route, wrong method...) get our body too.
        app.error(
                404,
                ctx -> {
                    if (!hasErrorBody(ctx)) {
                        answer(ctx, 404, ErrorCode.NOT_FOUND);
                    }
                });
        app.error(
                405,
                ctx -> {
                    if (!hasErrorBody(ctx)) {
                        answer(ctx, 405, ErrorCode.METHOD_NOT_ALLOWED);
                    }
                });

        app.get("/openapi", ctx -> ctx.contentType("application/json").result(openApi));
        InFlight inFlight = new InFlight();
        for (Routes.Route route : routes.all()) {
            app.addHttpHandler(
                    HandlerType.valueOf(route.method()),
                    route.path(),
                    ctx ->
                            inFlight.run(
                                    () ->
                                            serve(
                                                    new Call(
                                                            ctx,
                                                            credentials,
                                                            config.trustForwardedFor(),
                                                            route),
                                                    machineAudit)));
        }
        return new HttpServer(app, inFlight);
    }

    /** Runs one route; a machine's request is audited under its identity whatever the outcome. */
    private static void serve(Call call, MachineCallAudit machineAudit) throws Exception {
        Routes.Route route = call.route();
        try {
            if (route.access().authenticated()) {
                call.principal();
            }
            route.endpoint().handle(call);
        } catch (ApiException e) {
            Principal p = call.authenticatedPrincipal();
            if (p != null && p.isMachine()) {
                machineAudit.record(p, call.address(), route.method(), route.path(), e);
            }
            throw e;
        }
        Principal p = call.authenticatedPrincipal();
        if (p != null && p.isMachine() && !call.audited()) {
            machineAudit.record(p, call.address(), route.method(), route.path(), null);
        }
    }

    private static void securityHeaders(Context ctx, boolean tls) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        if (tls) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
    }

    private static final String ERROR_MARKER = "strongroom.error-body";

    private static boolean hasErrorBody(Context ctx) {
        return ctx.attribute(ERROR_MARKER) != null;
    }

    private static void answer(Context ctx, ApiException e) {
        if (e instanceof TooManyRequestsException t) {
            ctx.header("Retry-After", Long.toString(t.retryAfterSeconds()));
        }
        if (e.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer, Machine");
        }
        write(ctx, e.status(), e.body());
    }

    private static void answer(Context ctx, int status, ErrorCode code) {
        write(ctx, status, ErrorResponse.of(code, defaultMessage(code)));
    }

    private static void write(Context ctx, int status, ErrorResponse body) {
        ctx.attribute(ERROR_MARKER, Boolean.TRUE);
        ctx.status(status).json(body);
    }

    private static ErrorCode fromStatus(int status) {
        return switch (status) {
            case 400 -> ErrorCode.INVALID_REQUEST;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 409 -> ErrorCode.CONFLICT;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 503 -> ErrorCode.UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_REQUEST;
        };
    }

    private static String defaultMessage(ErrorCode code) {
        return switch (code) {
            case NOT_FOUND -> "no such resource";
            case METHOD_NOT_ALLOWED -> "method not allowed on this resource";
            case PAYLOAD_TOO_LARGE -> "request body too large";
            case INTERNAL_ERROR -> "internal error";
            case UNAVAILABLE -> "service unavailable";
            default -> code.code().replace('_', ' ');
        };
    }

    /** Exception type and message chain for the server log (our messages carry no secrets). */
    private static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null && out.length() < 500; t = t.getCause()) {
            if (out.length() > 0) {
                out.append(" <- ");
            }
            out.append(t.getClass().getSimpleName());
        }
        return out.toString();
    }

    private static byte[] loadOpenApi() {
        try (InputStream in = HttpServer.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                return "{}".getBytes(StandardCharsets.UTF_8);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled openapi.json", e);
        }
    }

    public HttpServer start() {
        app.start();
        return this;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return app.port();
    }

    /**
     * Refuses new requests (503), lets requests already inside an endpoint finish (at most 20 s),
     * then stops Jetty. Done here rather than by Jetty's graceful stop, which in this setup cut off
     * a request still reading its body.
     */
    public void stop() {
        inFlight.drain(STOP_TIMEOUT_MS);
        app.stop();
    }
}
