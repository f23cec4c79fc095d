package dev.strongroom.server.cli;

import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Runs the server until SIGTERM/SIGINT, then finishes in-flight requests and exits. */
@Command(name = "serve", description = "Run the sync server (the default command).")
final class ServeCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin DatabaseOptions db = new DatabaseOptions();

    @Option(names = "--config", description = "Properties file with defaults (key = option name).")
    Path config;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default 8080).")
    int port;

    @Option(
            names = "--bind",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default 127.0.0.1).")
    String bind;

    @Option(names = "--tls-cert", description = "PEM certificate chain (enables HTTPS).")
    Path tlsCert;

    @Option(names = "--tls-key", description = "PEM private key for --tls-cert.")
    Path tlsKey;

    @Option(
            names = "--insecure-http",
            description = "Allow plain HTTP on a non-loopback address (not recommended).")
    boolean insecureHttp;

    @Option(
            names = "--max-item-bytes",
            defaultValue = "1048576",
            description = "Largest item ciphertext accepted, in bytes (default 1 MiB).")
    int maxItemBytes;

    @Option(
            names = "--max-request-bytes",
            defaultValue = "262144",
            description = "Largest body of other requests, in bytes (default 256 KiB).")
    int maxRequestBytes;

    @Option(
            names = "--max-rotation-bytes",
            defaultValue = "67108864",
            description = "Largest key-rotation upload, in bytes (default 64 MiB).")
    int maxRotationBytes;

    @Option(
            names = "--history-depth",
            defaultValue = "20",
            description = "Item revisions kept per item (default 20).")
    int historyDepth;

    @Option(
            names = "--session-idle-minutes",
            defaultValue = "10080",
            description = "A session unused this long expires (default 7 days).")
    long sessionIdleMinutes;

    @Option(
            names = "--session-lifetime-hours",
            defaultValue = "720",
            description = "A session expires this long after login (default 30 days).")
    long sessionLifetimeHours;

    @Option(
            names = "--trust-forwarded-for",
            description =
                    "Take client addresses from X-Forwarded-For (only behind your own proxy).")
    boolean trustForwardedFor;

    @Override
    public Integer call() throws Exception {
        ServerConfig cfg = toConfig();
        PrintWriter out = spec.commandLine().getOut();
        if (cfg.postgres()) {
            out.println("strongroom-server: database PostgreSQL (" + redact(cfg.jdbcUrl()) + ")");
        } else {
            out.println("strongroom-server: data directory " + cfg.dataDir().toAbsolutePath());
        }
        out.flush();
        StrongroomServer server = StrongroomServer.start(cfg);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    server.close();
                                    stopped.countDown();
                                },
                                "strongroom-shutdown"));
        stopped.await();
        return 0;
    }

    ServerConfig toConfig() {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new ParameterException(
                    spec.commandLine(), "--tls-cert and --tls-key go together");
        }
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0..65535");
        }
        if (maxItemBytes < 1024 || maxRequestBytes < 4096 || historyDepth < 1) {
            throw new ParameterException(spec.commandLine(), "limits are too small");
        }
        if (tlsCert == null && !isLoopback(bind)) {
            if (!insecureHttp) {
                throw new ParameterException(
                        spec.commandLine(),
                        "refusing plain HTTP on "
                                + bind
                                + ": configure --tls-cert/--tls-key (see tls-selfsigned) or"
                                + " pass --insecure-http");
            }
            spec.commandLine()
                    .getErr()
                    .println(
                            "WARNING: serving plain HTTP on a non-loopback address; session"
                                    + " tokens and metadata cross the network unencrypted.");
        }
        return new ServerConfig.Builder(db.dataDirOrDefault())
                .bind(bind, insecureHttp)
                .port(port)
                .postgres(db.dbUrl, db.dbUser, db.dbPassword)
                .poolSize(db.dbPoolSize)
                .tls(tlsCert, tlsKey)
                .limits(maxItemBytes, maxRequestBytes, historyDepth)
                .rotationLimit(maxRotationBytes)
                .sessions(
                        Duration.ofMinutes(sessionIdleMinutes),
                        Duration.ofHours(sessionLifetimeHours))
                .trustForwardedFor(trustForwardedFor)
                .build();
    }

    static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String redact(String url) {
        String out = url.replaceAll("//[^/@]*@", "//");
        int q = out.indexOf('?');
        return q < 0 ? out : out.substring(0, q);
    }
}
