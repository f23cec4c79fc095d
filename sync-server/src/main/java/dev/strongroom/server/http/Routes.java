package dev.strongroom.server.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The registry of every API route with its access rule and body limit. Endpoints are registered
 * here, not on Javalin directly, so that authentication cannot be forgotten on a route, and so a
 * test can check that the OpenAPI document describes every route.
 */
public final class Routes {

    /** Who may call a route. */
    public enum Access {
        /** Anyone (health, prelogin, register, login). */
        PUBLIC,
        /** An account session only; a machine token answers 403. */
        AUTHENTICATED,
        /** An account session or a machine token (reads of granted vaults, granted writes). */
        ACCOUNT_OR_MACHINE,
        /** A machine token only; an account answers 403. */
        MACHINE;

        /** True for every access level that needs credentials. */
        public boolean authenticated() {
            return this != PUBLIC;
        }

        /** Whether a principal of this kind may call a route of this access level. */
        boolean admits(Principal p) {
            return switch (this) {
                case PUBLIC, ACCOUNT_OR_MACHINE -> true;
                case AUTHENTICATED -> p.isAccount();
                case MACHINE -> p.isMachine();
            };
        }
    }

    /** One registered route. */
    public record Route(
            String method, String path, Access access, int bodyLimit, Endpoint endpoint) {}

    private final List<Route> routes = new ArrayList<>();
    private final int defaultBodyLimit;

    public Routes(int defaultBodyLimit) {
        this.defaultBodyLimit = defaultBodyLimit;
    }

    public Routes get(String path, Access access, Endpoint endpoint) {
        return add("GET", path, access, 0, endpoint);
    }

    public Routes delete(String path, Access access, Endpoint endpoint) {
        return add("DELETE", path, access, 0, endpoint);
    }

    public Routes post(String path, Access access, Endpoint endpoint) {
        return add("POST", path, access, defaultBodyLimit, endpoint);
    }

    public Routes post(String path, Access access, int bodyLimit, Endpoint endpoint) {
        return add("POST", path, access, bodyLimit, endpoint);
    }

    public Routes put(String path, Access access, int bodyLimit, Endpoint endpoint) {
        return add("PUT", path, access, bodyLimit, endpoint);
    }

    public Routes put(String path, Access access, Endpoint endpoint) {
        return add("PUT", path, access, defaultBodyLimit, endpoint);
    }

    private Routes add(String method, String path, Access access, int limit, Endpoint endpoint) {
        if (!path.startsWith("/api/v1/")) {
            throw new IllegalArgumentException("API routes live under /api/v1: " + path);
        }
        routes.add(new Route(method, path, access, limit, endpoint));
        return this;
    }

    public List<Route> all() {
        return Collections.unmodifiableList(routes);
    }
}
