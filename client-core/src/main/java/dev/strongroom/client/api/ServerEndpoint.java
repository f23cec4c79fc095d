package dev.strongroom.client.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a sync server is and how to trust it: its base URL and, for a self-signed server, the
 * pinned SHA-256 fingerprint of its certificate.
 *
 * <p>The URL is {@code https://host[:port][/prefix]}; plain {@code http} is allowed only to a
 * loopback address (a local or test server), because a session token and every ciphertext would
 * otherwise cross the network in clear. A pin requires {@code https}. No user info, query or
 * fragment; a trailing slash is dropped, so one server has one {@link #id()}.
 */
public final class ServerEndpoint {

    private final URI baseUrl;
    private final TlsPin pin;

    private ServerEndpoint(URI baseUrl, TlsPin pin) {
        this.baseUrl = baseUrl;
        this.pin = pin;
    }

    /**
     * @throws IllegalArgumentException if the URL or the pin combination is not allowed
     */
    public static ServerEndpoint of(String url, TlsPin pinOrNull) {
        Objects.requireNonNull(url, "url");
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("server URL is not a valid URL");
        }
        return of(uri, pinOrNull);
    }

    /** As {@link #of(String, TlsPin)}. */
    public static ServerEndpoint of(URI url, TlsPin pinOrNull) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("server URL must start with https:// or http://");
        }
        if (url.getHost() == null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("server URL must name a host and no user");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("server URL must not have a query or fragment");
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !isLoopback(host)) {
            throw new IllegalArgumentException(
                    "plain http is allowed only to a loopback address; use https");
        }
        if (scheme.equals("http") && pinOrNull != null) {
            throw new IllegalArgumentException("a TLS pin needs an https URL");
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        try {
            URI normal = new URI(scheme, null, host, url.getPort(), null, null, null);
            return new ServerEndpoint(URI.create(normal + path), pinOrNull);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException("server URL is not a valid URL");
        }
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost")
                || host.equals("[::1]")
                || host.equals("::1")
                || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** The normalised base URL, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    public Optional<TlsPin> pin() {
        return Optional.ofNullable(pin);
    }

    /** A stable identity of this server for local state (pins, caches): the normalised URL. */
    public String id() {
        return baseUrl.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerEndpoint other
                && baseUrl.equals(other.baseUrl)
                && Objects.equals(pin, other.pin);
    }

    @Override
    public int hashCode() {
        return baseUrl.hashCode();
    }

    @Override
    public String toString() {
        return baseUrl + (pin == null ? "" : " (pinned)");
    }
}
