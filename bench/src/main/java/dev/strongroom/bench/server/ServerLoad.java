package dev.strongroom.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.crypto.srp.SrpClient;
import dev.strongroom.crypto.srp.SrpGroup;
import dev.strongroom.crypto.srp.SrpVerifier;
import dev.strongroom.model.identity.PublicBundleJson;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.LogEntryBody;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.wire.AppendLogRequest;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.CreateItemRequest;
import dev.strongroom.model.wire.CreateTeamRequest;
import dev.strongroom.model.wire.KdfParams;
import dev.strongroom.model.wire.KeyWrapUpload;
import dev.strongroom.model.wire.LoginFinishRequest;
import dev.strongroom.model.wire.LoginFinishResponse;
import dev.strongroom.model.wire.LoginStartRequest;
import dev.strongroom.model.wire.LoginStartResponse;
import dev.strongroom.model.wire.RegisterRequest;
import dev.strongroom.model.wire.SrpProof;
import dev.strongroom.model.wire.UpdateItemRequest;
import dev.strongroom.model.wire.WireJson;
import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import io.javalin.Javalin;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver for the sync server over loopback (run by hand, never in the test suite; see
 * bench/server/README.md). Starts a bare Javalin hello-world (the ceiling) and the real server with
 * its shipped durable settings (SQLite: WAL, synchronous=FULL) or on embedded PostgreSQL, creates
 * an account (SRP login), a team, a vault and items through the API, then measures with N client
 * threads, each on its own keep-alive HTTP/1.1 connection: hello GETs, authenticated item GETs and
 * check-and-set item PUTs (each thread updates its own items so every write succeeds). Prints
 * requests/s and p50/p90/p99/max latency per phase.
 *
 * <p>Arguments: {@code [sqlite|postgres] [threads=8] [seconds=10] [warmup=3] [items=1000]}.
 */
public final class ServerLoad {

    private static final ObjectMapper JSON = WireJson.mapper();
    private static final SrpGroup GROUP = SrpGroup.RFC5054_4096_SHA256;

    private ServerLoad() {}

    public static void main(String[] args) throws Exception {
        String backend = args.length > 0 ? args[0] : "sqlite";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int itemCount = args.length > 4 ? Integer.parseInt(args[4]) : 1000;

        Javalin hello = Javalin.create().get("/hello", ctx -> ctx.result("hello")).start(0);
        EmbeddedPostgres pg = null;
        Path pgLog = null;
        Path dir = Files.createTempDirectory("strongroom-bench");
        ServerConfig config = ServerConfig.defaults(dir).withPort(0);
        if (backend.equals("postgres")) {
            pgLog = dir.resolve("postgresql.log");
            pg =
                    EmbeddedPostgres.builder()
                            .setServerConfig("logging_collector", "on")
                            .setServerConfig("log_directory", dir.toString())
                            .setServerConfig("log_filename", "postgresql.log")
                            .start();
            config = config.withPostgres(pg.getJdbcUrl("postgres", "postgres"), "postgres", null);
        } else if (!backend.equals("sqlite")) {
            throw new IllegalArgumentException("backend must be sqlite or postgres");
        }
        StrongroomServer server = StrongroomServer.start(config);
        try {
            String base = "http://127.0.0.1:" + server.port();
            Setup s = Setup.create(base, Math.max(itemCount, threads * 4));
            System.out.printf(
                    Locale.ROOT,
                    "backend=%s threads=%d seconds=%d warmup=%d items=%d cores=%d java=%s%n",
                    backend,
                    threads,
                    seconds,
                    warmup,
                    s.items.size(),
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.version());
            if (pg != null) {
                PgStatementCount.print(pg, pgLog, server, s.itemUrl(s.items.get(0)), s.token, 200);
            }
            System.out.println("load average before: " + loadAverage());
            String helloUrl = "http://127.0.0.1:" + hello.port() + "/hello";
            run(
                    "hello GET (Javalin ceiling)",
                    threads,
                    warmup,
                    seconds,
                    t ->
                            new Op() {
                                @Override
                                public boolean call(HttpClient c) throws Exception {
                                    return send(c, get(helloUrl, null)) == 200;
                                }
                            });
            long[] batches = server.database().writeBatchCounts();
            run(
                    "item GET (authenticated)",
                    threads,
                    warmup,
                    seconds,
                    t ->
                            new Op() {
                                @Override
                                public boolean call(HttpClient c) throws Exception {
                                    UUID item =
                                            s.items.get(
                                                    ThreadLocalRandom.current()
                                                            .nextInt(s.items.size()));
                                    return send(c, get(s.itemUrl(item), s.token)) == 200;
                                }
                            });
            batches = printBatches(server, batches);
            run(
                    "item PUT check-and-set",
                    threads,
                    warmup,
                    seconds,
                    t ->
                            new Op() {
                                final List<UUID> mine = s.items.subList(t * 4, t * 4 + 4);
                                final long[] revision = s.revisionsOf(mine);
                                int n;

                                @Override
                                public boolean call(HttpClient c) throws Exception {
                                    int i = n++ % mine.size();
                                    UpdateItemRequest body =
                                            new UpdateItemRequest(
                                                    revision[i],
                                                    1,
                                                    Randoms.bytes(72),
                                                    Randoms.bytes(1024),
                                                    false,
                                                    Randoms.bytes(64),
                                                    0L);
                                    HttpResponse<String> r =
                                            c.send(
                                                    put(
                                                            s.itemUrl(mine.get(i)),
                                                            s.token,
                                                            JSON.writeValueAsString(body)),
                                                    HttpResponse.BodyHandlers.ofString());
                                    if (r.statusCode() != 200) {
                                        return false;
                                    }
                                    revision[i] = JSON.readTree(r.body()).path("revision").asLong();
                                    return true;
                                }
                            });
            batches = printBatches(server, batches);
            if (System.getenv("WRK") != null) {
                // the same GETs from wrk (C, far cheaper per request than java.net.http)
                wrk("hello GET via wrk", threads, seconds, helloUrl, null);
                wrk(
                        "item GET via wrk (one item)",
                        threads,
                        seconds,
                        s.itemUrl(s.items.get(0)),
                        s.token);
                printBatches(server, batches);
            }
            System.out.println("load average after: " + loadAverage());
        } finally {
            server.close();
            hello.stop();
            if (pg != null) {
                pg.close();
            }
        }
    }

    /** Prints the server's group-commit batching since {@code before}; returns the new counts. */
    private static long[] printBatches(StrongroomServer server, long[] before) {
        long[] now = server.database().writeBatchCounts();
        long batches = now[0] - before[0];
        long writes = now[1] - before[1];
        System.out.printf(
                Locale.ROOT,
                "    group commit: %d durable writes in %d commits (%.1f per commit)%n",
                writes,
                batches,
                batches == 0 ? 0.0 : writes / (double) batches);
        return now;
    }

    private static void wrk(String name, int connections, int seconds, String url, String token)
            throws Exception {
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                "wrk",
                                "-t2",
                                "-c" + connections,
                                "-d" + seconds + "s",
                                "--latency"));
        if (token != null) {
            cmd.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        cmd.add(url);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        System.out.println("--- " + name + " (wrk -t2 -c" + connections + " -d" + seconds + "s)");
        for (String line : out.split("\n")) {
            if (line.contains("Requests/sec")
                    || line.matches("\\s+(50|90|99)%.*")
                    || line.contains("Non-2xx")
                    || line.contains("Socket errors")) {
                System.out.println(line);
            }
        }
    }

    /** One request of a phase; false when the answer was not the expected success. */
    interface Op {
        boolean call(HttpClient client) throws Exception;
    }

    interface OpFactory {
        Op forThread(int thread);
    }

    static void run(String name, int threads, int warmup, int seconds, OpFactory ops)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        AtomicLong errors = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Op op = ops.forThread(t);
            Thread w =
                    new Thread(
                            () -> {
                                HttpClient client =
                                        HttpClient.newBuilder()
                                                .version(HttpClient.Version.HTTP_1_1)
                                                .connectTimeout(Duration.ofSeconds(5))
                                                .build();
                                long[] lat = new long[1 << 16];
                                int n = 0;
                                while (true) {
                                    long t0 = System.nanoTime();
                                    if (t0 >= end) {
                                        break;
                                    }
                                    boolean ok;
                                    try {
                                        ok = op.call(client);
                                    } catch (Exception e) {
                                        ok = false;
                                    }
                                    long t1 = System.nanoTime();
                                    if (t0 >= measureFrom) {
                                        if (!ok) {
                                            errors.incrementAndGet();
                                        }
                                        if (n == lat.length) {
                                            lat = Arrays.copyOf(lat, n * 2);
                                        }
                                        lat[n++] = t1 - t0;
                                    }
                                }
                                latencies[id] = lat;
                                counts[id] = n;
                            },
                            "load-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        System.out.printf(
                Locale.ROOT,
                "%-30s %9.0f req/s  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms"
                        + "  (%d requests, %d errors)%n",
                name,
                total / (double) seconds,
                pct(all, 0.50),
                pct(all, 0.90),
                pct(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6,
                total,
                errors.get());
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    static HttpRequest get(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    static HttpRequest put(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    static int send(HttpClient c, HttpRequest r) throws Exception {
        return c.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** An account, team, vault and items made through the API, as a client would. */
    static final class Setup {
        final String base;
        final String token;
        final UUID vault;
        final List<UUID> items = new ArrayList<>();
        private final HttpClient client = HttpClient.newHttpClient();

        private Setup(String base, String token, UUID vault) {
            this.base = base;
            this.token = token;
            this.vault = vault;
        }

        String itemUrl(UUID item) {
            return base + "/api/v1/vaults/" + vault + "/items/" + item;
        }

        static Setup create(String base, int itemCount) throws Exception {
            HttpClient c = HttpClient.newHttpClient();
            UUID userId = UUID.randomUUID();
            String email = "bench-" + userId.toString().substring(0, 8) + "@example.test";
            byte[] emailBytes = email.getBytes(StandardCharsets.UTF_8);
            byte[] secret = Randoms.bytes(32);
            byte[] salt = Randoms.bytes(16);
            IdentityKeys identity = IdentityKeys.generate();
            PublicBundleJson bundle =
                    PublicBundleJson.of(
                            identity.publicBundle(
                                    userId.toString(), email, System.currentTimeMillis()));
            post(
                    c,
                    base + "/api/v1/accounts",
                    null,
                    new RegisterRequest(
                            userId,
                            email,
                            KdfParams.argon2id(65536, 3, 4, Randoms.bytes(16)),
                            salt,
                            SrpVerifier.compute(GROUP, emailBytes, secret, salt),
                            Randoms.bytes(72),
                            Randoms.bytes(120),
                            bundle),
                    201);
            LoginStartResponse start =
                    JSON.readValue(
                            post(
                                    c,
                                    base + "/api/v1/login/start",
                                    null,
                                    new LoginStartRequest(email),
                                    200),
                            LoginStartResponse.class);
            String token;
            try (SrpClient srp = new SrpClient(GROUP, emailBytes, secret, salt)) {
                byte[] m1 = srp.respond(start.serverPublicB());
                LoginFinishResponse f =
                        JSON.readValue(
                                post(
                                        c,
                                        base + "/api/v1/login/finish",
                                        null,
                                        new LoginFinishRequest(
                                                new SrpProof(start.loginId(), srp.publicA(), m1),
                                                "bench"),
                                        200),
                                LoginFinishResponse.class);
                srp.verifyServer(f.serverProofM2());
                token = f.sessionToken();
            }
            UUID teamId = UUID.randomUUID();
            SignedLogEntry genesis =
                    entry(
                            teamId,
                            0,
                            new byte[32],
                            userId,
                            identity,
                            new LogAction.CreateTeam(
                                    null,
                                    bundle,
                                    dev.strongroom.model.log.TeamNames.seal(
                                            teamId.toString(),
                                            1,
                                            userId.toString(),
                                            identity.encryptionPublicKey(),
                                            identity,
                                            "Bench")));
            post(c, base + "/api/v1/teams", token, new CreateTeamRequest(teamId, genesis), 201);
            UUID vault = UUID.randomUUID();
            byte[] wrap = Randoms.bytes(80);
            SignedLogEntry createVault =
                    entry(
                            teamId,
                            1,
                            dev.strongroom.model.log.UnverifiedLogEntry.decode(genesis).hash(),
                            userId,
                            identity,
                            new LogAction.CreateVault(
                                    vault.toString(), Base64Url.encode(Sha256.hash(wrap))));
            post(
                    c,
                    base + "/api/v1/teams/" + teamId + "/log",
                    token,
                    new AppendLogRequest(
                            createVault,
                            Randoms.bytes(40),
                            List.of(new KeyWrapUpload(1, userId.toString(), wrap)),
                            List.of()),
                    200);
            Setup s = new Setup(base, token, vault);
            for (int i = 0; i < itemCount; i++) {
                UUID item = UUID.randomUUID();
                post(
                        c,
                        base + "/api/v1/vaults/" + vault + "/items",
                        token,
                        new CreateItemRequest(
                                item,
                                1,
                                Randoms.bytes(72),
                                Randoms.bytes(1024),
                                Randoms.bytes(64),
                                0L),
                        201);
                s.items.add(item);
            }
            return s;
        }

        long[] revisionsOf(List<UUID> mine) {
            long[] out = new long[mine.size()];
            for (int i = 0; i < out.length; i++) {
                try {
                    HttpResponse<String> r =
                            client.send(
                                    get(itemUrl(mine.get(i)), token),
                                    HttpResponse.BodyHandlers.ofString());
                    JsonNode n = JSON.readTree(r.body());
                    out[i] = n.path("revision").asLong();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }

        private static SignedLogEntry entry(
                UUID team,
                long seq,
                byte[] prev,
                UUID author,
                IdentityKeys identity,
                LogAction action) {
            return SignedLogEntry.sign(
                    new LogEntryBody(
                            LogEntryBody.FORMAT,
                            team.toString(),
                            seq,
                            Base64Url.encode(prev),
                            author.toString(),
                            System.currentTimeMillis(),
                            action),
                    identity);
        }

        private static String post(HttpClient c, String url, String token, Object body, int want)
                throws Exception {
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/json")
                            .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                            JSON.writeValueAsString(body)));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = c.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != want) {
                throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
            }
            return r.body();
        }
    }
}
