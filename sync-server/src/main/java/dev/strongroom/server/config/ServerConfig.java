package dev.strongroom.server.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything a running server is configured with, after flags, environment and config file have
 * been merged (in that order of precedence).
 *
 * @param bindAddress interface to listen on; plain HTTP is refused off loopback unless {@code
 *     insecureHttp}
 * @param port TCP port, 0 for any free port (tests)
 * @param dataDir where the SQLite database lives (unused with PostgreSQL)
 * @param jdbcUrl a PostgreSQL JDBC URL, or null for the embedded SQLite default
 * @param tlsCert PEM certificate chain, or null for plain HTTP
 * @param tlsKey PEM private key, or null
 * @param maxItemBytes largest accepted item ciphertext, decoded
 * @param maxRequestBytes largest accepted request body for everything except item and rotation
 *     uploads
 * @param maxRotationBytes largest accepted key-rotation upload (all re-wrapped item keys)
 * @param historyDepth item revisions kept per item
 * @param sessionIdle a session unused this long expires
 * @param sessionLifetime a session expires this long after login, used or not
 * @param trustForwardedFor take the client address from X-Forwarded-For (only behind a proxy you
 *     control)
 */
public record ServerConfig(
        String bindAddress,
        int port,
        Path dataDir,
        String jdbcUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        Path tlsCert,
        Path tlsKey,
        boolean insecureHttp,
        int maxItemBytes,
        int maxRequestBytes,
        int maxRotationBytes,
        int historyDepth,
        Duration sessionIdle,
        Duration sessionLifetime,
        boolean trustForwardedFor) {

    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_ITEM_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_REQUEST_BYTES = 256 << 10;
    public static final int DEFAULT_MAX_ROTATION_BYTES = 64 << 20;
    public static final int DEFAULT_HISTORY_DEPTH = 20;

    public boolean tls() {
        return tlsCert != null;
    }

    public boolean postgres() {
        return jdbcUrl != null;
    }

    /** Defaults for an embedded server in a data directory (tests start from here). */
    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig(
                "127.0.0.1",
                DEFAULT_PORT,
                dataDir,
                null,
                null,
                null,
                10,
                null,
                null,
                false,
                DEFAULT_MAX_ITEM_BYTES,
                DEFAULT_MAX_REQUEST_BYTES,
                DEFAULT_MAX_ROTATION_BYTES,
                DEFAULT_HISTORY_DEPTH,
                Duration.ofDays(7),
                Duration.ofDays(30),
                false);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(
                bindAddress,
                newPort,
                dataDir,
                jdbcUrl,
                dbUser,
                dbPassword,
                dbPoolSize,
                tlsCert,
                tlsKey,
                insecureHttp,
                maxItemBytes,
                maxRequestBytes,
                maxRotationBytes,
                historyDepth,
                sessionIdle,
                sessionLifetime,
                trustForwardedFor);
    }

    public ServerConfig withPostgres(String url, String user, String password) {
        return new ServerConfig(
                bindAddress,
                port,
                dataDir,
                url,
                user,
                password,
                dbPoolSize,
                tlsCert,
                tlsKey,
                insecureHttp,
                maxItemBytes,
                maxRequestBytes,
                maxRotationBytes,
                historyDepth,
                sessionIdle,
                sessionLifetime,
                trustForwardedFor);
    }

    public ServerConfig withTls(Path cert, Path key) {
        return new ServerConfig(
                bindAddress,
                port,
                dataDir,
                jdbcUrl,
                dbUser,
                dbPassword,
                dbPoolSize,
                cert,
                key,
                insecureHttp,
                maxItemBytes,
                maxRequestBytes,
                maxRotationBytes,
                historyDepth,
                sessionIdle,
                sessionLifetime,
                trustForwardedFor);
    }

    public ServerConfig withLimits(int itemBytes, int requestBytes, int historyDepth) {
        return new ServerConfig(
                bindAddress,
                port,
                dataDir,
                jdbcUrl,
                dbUser,
                dbPassword,
                dbPoolSize,
                tlsCert,
                tlsKey,
                insecureHttp,
                itemBytes,
                requestBytes,
                maxRotationBytes,
                historyDepth,
                sessionIdle,
                sessionLifetime,
                trustForwardedFor);
    }

    public ServerConfig withSessions(Duration idle, Duration lifetime) {
        return new ServerConfig(
                bindAddress,
                port,
                dataDir,
                jdbcUrl,
                dbUser,
                dbPassword,
                dbPoolSize,
                tlsCert,
                tlsKey,
                insecureHttp,
                maxItemBytes,
                maxRequestBytes,
                maxRotationBytes,
                historyDepth,
                idle,
                lifetime,
                trustForwardedFor);
    }

    @Override
    public String toString() {
        // dbPassword deliberately left out
        return "ServerConfig[bind="
                + bindAddress
                + ", port="
                + port
                + ", dataDir="
                + dataDir
                + ", postgres="
                + postgres()
                + ", tls="
                + tls()
                + "]";
    }
}
