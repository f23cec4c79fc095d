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
        return new Builder(dataDir).build();
    }

    /** A builder holding this configuration, to change a few settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public ServerConfig withPort(int newPort) {
        return toBuilder().port(newPort).build();
    }

    public ServerConfig withPostgres(String url, String user, String password) {
        return toBuilder().postgres(url, user, password).build();
    }

    public ServerConfig withTls(Path cert, Path key) {
        return toBuilder().tls(cert, key).build();
    }

    public ServerConfig withLimits(int itemBytes, int requestBytes, int depth) {
        return toBuilder().limits(itemBytes, requestBytes, depth).build();
    }

    public ServerConfig withSessions(Duration idle, Duration lifetime) {
        return toBuilder().sessions(idle, lifetime).build();
    }

    /** Mutable settings that build a {@link ServerConfig}; starts from the defaults. */
    public static final class Builder {
        private String bindAddress = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private Path dataDir;
        private String jdbcUrl;
        private String dbUser;
        private String dbPassword;
        private int dbPoolSize = 10;
        private Path tlsCert;
        private Path tlsKey;
        private boolean insecureHttp;
        private int maxItemBytes = DEFAULT_MAX_ITEM_BYTES;
        private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private int maxRotationBytes = DEFAULT_MAX_ROTATION_BYTES;
        private int historyDepth = DEFAULT_HISTORY_DEPTH;
        private Duration sessionIdle = Duration.ofDays(7);
        private Duration sessionLifetime = Duration.ofDays(30);
        private boolean trustForwardedFor;

        public Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        private Builder(ServerConfig c) {
            bindAddress = c.bindAddress;
            port = c.port;
            dataDir = c.dataDir;
            jdbcUrl = c.jdbcUrl;
            dbUser = c.dbUser;
            dbPassword = c.dbPassword;
            dbPoolSize = c.dbPoolSize;
            tlsCert = c.tlsCert;
            tlsKey = c.tlsKey;
            insecureHttp = c.insecureHttp;
            maxItemBytes = c.maxItemBytes;
            maxRequestBytes = c.maxRequestBytes;
            maxRotationBytes = c.maxRotationBytes;
            historyDepth = c.historyDepth;
            sessionIdle = c.sessionIdle;
            sessionLifetime = c.sessionLifetime;
            trustForwardedFor = c.trustForwardedFor;
        }

        public Builder bind(String address, boolean insecure) {
            bindAddress = address;
            insecureHttp = insecure;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder postgres(String url, String user, String password) {
            jdbcUrl = url;
            dbUser = user;
            dbPassword = password;
            return this;
        }

        public Builder poolSize(int value) {
            dbPoolSize = value;
            return this;
        }

        public Builder tls(Path cert, Path key) {
            tlsCert = cert;
            tlsKey = key;
            return this;
        }

        public Builder limits(int itemBytes, int requestBytes, int depth) {
            maxItemBytes = itemBytes;
            maxRequestBytes = requestBytes;
            historyDepth = depth;
            return this;
        }

        public Builder rotationLimit(int bytes) {
            maxRotationBytes = bytes;
            return this;
        }

        public Builder sessions(Duration idle, Duration lifetime) {
            sessionIdle = idle;
            sessionLifetime = lifetime;
            return this;
        }

        public Builder trustForwardedFor(boolean value) {
            trustForwardedFor = value;
            return this;
        }

        public ServerConfig build() {
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
                    sessionIdle,
                    sessionLifetime,
                    trustForwardedFor);
        }
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
