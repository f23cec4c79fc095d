package dev.strongroom.server.http;

import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.wire.Ids;
import dev.strongroom.server.audit.Actor;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.UUID;

/**
 * One request as endpoints see it: the authenticated principal, the client address, the body parsed
 * strictly within this route's size limit, validated path ids, and the answer.
 */
public final class Call {

    private final Context ctx;
    private final Credentials credentials;
    private final boolean trustForwardedFor;
    private final Routes.Route route;
    private Principal principal;
    private boolean audited;

    Call(Context ctx, Credentials credentials, boolean trustForwardedFor, Routes.Route route) {
        this.ctx = ctx;
        this.credentials = credentials;
        this.trustForwardedFor = trustForwardedFor;
        this.route = route;
    }

    /**
     * The client's network address: the TCP peer, or (only when configured to trust a proxy) the
     * last address the proxy appended to X-Forwarded-For. Never the client-supplied first entry,
     * which anyone can forge to escape per-address rate limits.
     */
    public String address() {
        String peer = ctx.req().getRemoteAddr();
        if (trustForwardedFor) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                String last = hops[hops.length - 1].trim();
                if (!last.isEmpty() && last.length() <= 64) {
                    return last;
                }
            }
        }
        return peer;
    }

    /**
     * The authenticated caller; authenticates on first use and throws 401 without one, 403 when the
     * route does not admit this kind of principal (a machine on an account-only route). Schemes:
     * {@code Bearer <session token>} and {@code Machine <machineId>.<secret>}.
     */
    public Principal principal() {
        if (principal == null) {
            String header = ctx.header("Authorization");
            Principal p;
            if (header != null && header.startsWith("Bearer ")) {
                p = credentials.sessions().authenticate(header.substring(7).trim(), address());
            } else if (header != null && header.startsWith("Machine ")) {
                p = credentials.machines().authenticate(header.substring(8).trim(), address());
            } else {
                throw new UnauthorizedException("authentication required");
            }
            principal = p;
        }
        if (!route.access().admits(principal)) {
            throw new ForbiddenException(
                    principal.isMachine()
                            ? "machine accounts may not use this endpoint"
                            : "only machine accounts use this endpoint");
        }
        return principal;
    }

    /** The principal if one authenticated, without authenticating or checking access. */
    Principal authenticatedPrincipal() {
        return principal;
    }

    /** The route being served. */
    Routes.Route route() {
        return route;
    }

    /** The caller as an audit actor (an endpoint asking for it is taken to audit the call). */
    public Actor actor() {
        audited = true;
        return principal == null ? Actor.anonymous(address()) : principal.actor(address());
    }

    /** True when the endpoint built an audit event for this call. */
    boolean audited() {
        return audited;
    }

    /** The JSON body as a wire record (400/413/415 on anything wrong). */
    public <T> T body(Class<T> type) {
        JsonBodies.requireJsonContentType(ctx.contentType());
        byte[] raw;
        try {
            raw =
                    JsonBodies.readBounded(
                            ctx.req().getInputStream(), contentLength(), route.bodyLimit());
        } catch (IOException e) {
            throw new BadRequestException(ErrorCode.MALFORMED_JSON, "could not read request body");
        }
        return JsonBodies.parse(raw, type);
    }

    private long contentLength() {
        return ctx.req().getContentLengthLong();
    }

    /** A path parameter that must be a canonical UUID (400 invalid_id otherwise). */
    public UUID pathId(String name) {
        String raw = ctx.pathParam(name);
        if (!Ids.isValid(raw)) {
            throw new BadRequestException(ErrorCode.INVALID_ID, name + " must be a canonical UUID");
        }
        return Ids.parse(raw);
    }

    /** A path parameter as a non-negative number (400 otherwise). */
    public long pathLong(String name) {
        return parseNonNegative(name, ctx.pathParam(name));
    }

    /** An optional query parameter, null when absent. */
    public String query(String name) {
        return ctx.queryParam(name);
    }

    /** An optional non-negative numeric query parameter. */
    public Long queryLong(String name) {
        String raw = ctx.queryParam(name);
        return raw == null ? null : parseNonNegative(name, raw);
    }

    private static long parseNonNegative(String name, String raw) {
        if (raw == null
                || raw.isEmpty()
                || raw.length() > 18
                || !raw.chars().allMatch(Character::isDigit)) {
            throw new BadRequestException(
                    ErrorCode.INVALID_REQUEST, name + " must be a non-negative integer");
        }
        return Long.parseLong(raw);
    }

    public void json(int status, Object body) {
        ctx.status(status).json(body);
    }

    public void ok(Object body) {
        json(200, body);
    }

    public void created(Object body) {
        json(201, body);
    }

    public void noContent() {
        ctx.status(204);
    }

    /** The underlying Javalin context, for answers that are not JSON (exports). */
    public Context context() {
        return ctx;
    }
}
