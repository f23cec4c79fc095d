package dev.strongroom.bench.client;

import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.KdfPinStore;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.cache.CacheKey;
import dev.strongroom.client.cache.CacheProfile;
import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.cache.LocalCache;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.Login;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.sync.QueuedWrite;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.client.vault.VaultInfo;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.model.vault.VaultHead;
import dev.strongroom.model.wire.VaultHeadRequest;
import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import dev.strongroom.server.vaults.VaultStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Issue 4's client figures, run by hand (never in the test suite): a real sync server in this JVM
 * on a random loopback port over SQLite, one account, one vault of N items (default 10,000).
 *
 * <ul>
 *   <li><b>cold sync</b>: a new device (empty cache) pulls and verifies everything: log, key wrap,
 *       every item's signature, writer and AEAD, the head digest; written in one SQLite batch.
 *   <li><b>first unlock after the sync</b> (printed, not a target): open the cache, decrypt every
 *       item in parallel, build the search index and write the sealed index file.
 *   <li><b>unlock to searchable</b>: with the session already unlocked (KDF excluded), open the
 *       cached file (integrity check and pin HMACs), re-verify the cached log, open the vault key,
 *       open the sealed item index (valid because the cache has not moved since it was written) and
 *       build the search index, then run one query.
 *   <li><b>delta sync</b>: another device edits one item; time the synced device's pull.
 * </ul>
 *
 * <p>Arguments: {@code [items=10000] [rounds=5]}. Prints each round and the median.
 */
public final class ClientSyncBench {

    private static final char[] PASSWORD = "bench password, not secret".toCharArray();

    private ClientSyncBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("strongroom-client-bench");
        try (StrongroomServer server =
                StrongroomServer.start(ServerConfig.defaults(dir.resolve("server")).withPort(0))) {
            ServerEndpoint endpoint = ServerEndpoint.of("http://127.0.0.1:" + server.port(), null);
            String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@x.test";
            new AccountService(KdfPinStore.inMemory())
                    .register(
                            ServerApi.connect(endpoint),
                            email,
                            PASSWORD.clone(),
                            new Argon2idParams(19456, 2, 1));
            try (UnlockedSession writer = login(endpoint, email, "writer");
                    UnlockedSession reader = login(endpoint, email, "reader");
                    LocalCache wc = open(writer, dir.resolve("writer/cache.db"));
                    SyncEngine we = new SyncEngine(writer, wc)) {
                VaultService ws = new VaultService(we);
                VaultInfo vault = ws.createPersonalVault("bench");
                long t0 = System.nanoTime();
                List<String> ids = seed(server, we, vault, n);
                we.pull();
                System.out.printf(
                        Locale.ROOT,
                        "seeded %d items in %.1f s | load %s%n",
                        n,
                        (System.nanoTime() - t0) / 1e9,
                        loadAverage());

                List<Double> cold = new ArrayList<>();
                List<Double> coldCpu = new ArrayList<>();
                Path synced = null;
                for (int r = 0; r < rounds; r++) {
                    Path file = dir.resolve("cold-" + r + "/cache.db");
                    long cpu = cpuNanos();
                    long s = System.nanoTime();
                    try (LocalCache c = open(reader, file);
                            SyncEngine e = new SyncEngine(reader, c)) {
                        SyncEngine.PullReport rep = e.pull();
                        if (rep.items() != n) {
                            throw new IllegalStateException("pulled " + rep.items());
                        }
                    }
                    cold.add(ms(s));
                    coldCpu.add((cpuNanos() - cpu) / 1e6);
                    synced = file;
                    System.out.printf(
                            Locale.ROOT,
                            "cold sync %d: %.0f ms (process CPU, server included: %.0f ms)%n",
                            r,
                            cold.get(r),
                            coldCpu.get(r));
                }

                long f = System.nanoTime();
                try (LocalCache c = open(reader, synced);
                        SyncEngine e = new SyncEngine(reader, c);
                        VaultService vs = new VaultService(e)) {
                    vs.search("github", 20);
                }
                System.out.printf(
                        Locale.ROOT,
                        "first unlock after the sync (decrypts every item, writes the sealed"
                                + " index): %.0f ms%n",
                        ms(f));

                List<Double> unlock = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    long s = System.nanoTime();
                    try (LocalCache c = open(reader, synced);
                            SyncEngine e = new SyncEngine(reader, c);
                            VaultService vs = new VaultService(e)) {
                        int hits = vs.search("github", 20).size();
                        unlock.add(ms(s));
                        if (hits == 0) {
                            throw new IllegalStateException("search found nothing");
                        }
                    }
                    System.out.printf(
                            Locale.ROOT, "unlock to searchable %d: %.0f ms%n", r, unlock.get(r));
                }

                breakdown(reader, synced, vault.vaultId());

                List<Double> delta = new ArrayList<>();
                try (LocalCache c = open(reader, synced);
                        SyncEngine e = new SyncEngine(reader, c)) {
                    e.pull();
                    for (int r = 0; r < rounds + 2; r++) {
                        ws.edit(vault.vaultId(), ids.get(r), login("edited " + r));
                        long s = System.nanoTime();
                        SyncEngine.PullReport rep = e.pull();
                        double took = ms(s);
                        if (rep.items() != 1) {
                            throw new IllegalStateException("delta pulled " + rep.items());
                        }
                        if (r >= 2) { // two warm-up rounds
                            delta.add(took);
                            System.out.printf(Locale.ROOT, "delta sync %d: %.1f ms%n", r - 2, took);
                        }
                    }
                }
                System.out.printf(
                        Locale.ROOT,
                        "MEDIAN items=%d cold=%.0f ms (CPU %.0f ms) unlock=%.0f ms delta=%.1f ms"
                                + " | load %s%n",
                        n,
                        median(cold),
                        median(coldCpu),
                        median(unlock),
                        median(delta),
                        loadAverage());
            }
        }
    }

    /**
     * Seals and signs N items with the client code (in parallel), writes them straight into the
     * server's store in one transaction and signs one head over them: a client adding 10,000 items
     * one request each would dominate the run and is not what is measured.
     */
    public static List<String> seed(
            StrongroomServer server, SyncEngine engine, VaultInfo vault, int n) {
        long logSeq = engine.logSeq(vault.teamId());
        String me = engine.session().accountId().toString();
        VaultKey key = engine.currentVaultKey(vault.vaultId());
        List<QueuedWrite> writes =
                IntStream.range(0, n)
                        .parallel()
                        .mapToObj(
                                i -> {
                                    ItemContent content =
                                            login(
                                                    WORDS[i % WORDS.length]
                                                            + " "
                                                            + WORDS[(i / 7) % WORDS.length]
                                                            + " "
                                                            + i);
                                    return QueuedWrite.seal(
                                            engine.session().identity(),
                                            me,
                                            vault.teamId(),
                                            key,
                                            vault.vaultId(),
                                            UUID.randomUUID().toString(),
                                            1,
                                            content.toBytes(),
                                            logSeq);
                                })
                        .toList();
        Map<String, byte[]> hashes = new HashMap<>();
        for (QueuedWrite q : writes) {
            CachedItem c = q.cachedItem();
            hashes.put(q.itemId(), c.revision().revisionHash(c.signature()));
        }
        UUID vaultId = UUID.fromString(vault.vaultId());
        server.database()
                .write(
                        tx -> {
                            for (QueuedWrite q : writes) {
                                VaultStore.writeRevision(
                                        tx,
                                        vaultId,
                                        UUID.fromString(q.itemId()),
                                        0,
                                        new VaultStore.Revision(
                                                q.keyVersion(),
                                                q.itemKeyWrap(),
                                                q.content(),
                                                q.signature(),
                                                UUID.fromString(me),
                                                q.logSeq(),
                                                false),
                                        10,
                                        System.currentTimeMillis());
                            }
                            return null;
                        });
        LocalCache cache = engine.cache();
        long counter = cache.vaultHead(vault.vaultId()).map(p -> p.head().counter()).orElse(0L);
        VaultHead head =
                new VaultHead(
                        vault.teamId(),
                        vault.vaultId(),
                        counter + 1,
                        key.version(),
                        VaultHead.digestOf(hashes),
                        n,
                        me,
                        logSeq);
        engine.api()
                .putHead(
                        vault.vaultId(),
                        new VaultHeadRequest(
                                head.counter(),
                                key.version(),
                                head.itemsDigest(),
                                n,
                                logSeq,
                                head.sign(engine.session().identity())));
        return writes.stream().map(QueuedWrite::itemId).toList();
    }

    private static final String[] WORDS = {
        "github",
        "gitlab",
        "aws",
        "prod",
        "staging",
        "postgres",
        "redis",
        "stripe",
        "billing",
        "admin",
        "deploy",
        "backup",
        "vpn",
        "grafana",
        "kafka",
        "mail",
        "dns",
        "ldap",
        "bastion"
    };

    private static ItemContent login(String name) {
        return ItemContent.builder(
                        new Login(
                                "user-" + name.hashCode() + "@example.com",
                                SecretText.copyOf(("pw-" + name).toCharArray()),
                                List.of("https://" + name.split(" ")[0] + ".example.com/login"),
                                null),
                        name,
                        Instant.parse("2026-01-02T03:04:05Z"))
                .tags(List.of("team-" + (name.length() % 5)))
                .folder("Infra/" + name.split(" ")[0])
                .notes("synthetic item for the client benchmark")
                .build();
    }

    private static UnlockedSession login(ServerEndpoint endpoint, String email, String device) {
        return new AccountService(KdfPinStore.inMemory())
                .login(ServerApi.connect(endpoint), email, PASSWORD.clone(), device);
    }

    private static LocalCache open(UnlockedSession session, Path file) {
        try (CacheKey key = SyncEngine.cacheKey(session)) {
            return LocalCache.open(
                    file, key, new CacheProfile(session.accountId().toString(), "bench"));
        }
    }

    /** Where one unlock's time goes (printed once, after the timed rounds). */
    private static void breakdown(UnlockedSession reader, Path synced, String vaultId) {
        long s = System.nanoTime();
        try (LocalCache c = open(reader, synced);
                SyncEngine e = new SyncEngine(reader, c)) {
            double openMs = ms(s);
            s = System.nanoTime();
            e.currentVaultKey(vaultId);
            double keyMs = ms(s);
            s = System.nanoTime();
            int rows = c.items(vaultId).size();
            double rowsMs = ms(s);
            s = System.nanoTime();
            VaultService vs = new VaultService(e);
            vs.search("github", 20); // from the sealed index file: the cache has not moved
            double indexMs = ms(s);
            s = System.nanoTime();
            vs.search("prod redis", 20);
            double queryMs = ms(s);
            System.out.printf(
                    Locale.ROOT,
                    "unlock breakdown: open cache %.0f ms | log + vault key %.0f ms | read %d rows"
                            + " %.0f ms | index ready %.0f ms | next query %.1f ms%n",
                    openMs,
                    keyMs,
                    rows,
                    rowsMs,
                    indexMs,
                    queryMs);
            vs.close();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }

    /** CPU time of the whole process (client and in-process server), all threads. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length == 0 ? Double.NaN : a[a.length / 2];
    }

    static String describe(double[] a) {
        return Arrays.toString(a);
    }
}
