package dev.strongroom.bench.desktop;

import dev.strongroom.bench.client.ClientSyncBench;
import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.KdfPinStore;
import dev.strongroom.client.account.ServerProfile;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.cache.CacheKey;
import dev.strongroom.client.cache.CacheProfile;
import dev.strongroom.client.cache.LocalCache;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.client.vault.VaultInfo;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.kdf.PasswordKdf;
import dev.strongroom.desktop.app.AppConfig;
import dev.strongroom.desktop.app.Connection;
import dev.strongroom.desktop.app.DesktopApp;
import dev.strongroom.desktop.app.OpenAccount;
import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.stage.Stage;

/**
 * Issue 8's desktop figures, headless on Monocle with the software renderer (as the tests run):
 * unlock to the first laid-out frame of the list with N items (KDF excluded: its time, measured
 * with the same parameters in the same process, is subtracted), search keystroke to updated list,
 * and resident memory (VmRSS) with the N items listed. The items are sealed and signed by
 * client-core and written straight into a real sync server's store (as ClientSyncBench does); the
 * app then logs in over loopback like any device. Arguments: {@code [items] [rounds]}.
 */
public final class DesktopBench {

    static final char[] PASSWORD = "bench password, not secret".toCharArray();
    static final Argon2idParams KDF = new Argon2idParams(19456, 2, 1);

    private DesktopBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.println(ShippedJvmOptions.describe());
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1280x800-32");
        Path dir = Files.createTempDirectory("strongroom-desktop-bench");
        try (StrongroomServer server =
                StrongroomServer.start(ServerConfig.defaults(dir.resolve("server")).withPort(0))) {
            ServerEndpoint endpoint = ServerEndpoint.of("http://127.0.0.1:" + server.port(), null);
            AppConfig config = new AppConfig(dir.resolve("home"), KDF);
            Connection connection = Connection.remote(new ServerProfile("bench", endpoint));
            String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@x.test";
            OpenAccount.register(config, connection, email, PASSWORD.clone());
            seed(server, endpoint, email, dir, n);
            System.out.printf(Locale.ROOT, "seeded %d items | load %s%n", n, load());

            double kdf = kdfMillis();
            System.out.printf(
                    Locale.ROOT,
                    "KDF alone (m=%d KiB, t=%d, p=%d): %.0f ms%n",
                    KDF.memoryKiB(),
                    KDF.iterations(),
                    KDF.parallelism(),
                    kdf);
            Platform.startup(() -> {});
            DesktopApp[] app = new DesktopApp[1];
            Stage[] stage = new Stage[1];
            FxProbe.fx(
                    () -> {
                        stage[0] = new Stage();
                        app[0] = new DesktopApp(config);
                        app[0].start(stage[0]);
                    });
            UnlockRounds unlocks = new UnlockRounds(app[0], stage[0], config, connection, email, n);
            unlocks.run(rounds, kdf);
            new SearchRounds(stage[0].getScene()).run();
            memory(stage[0]);
            FxProbe.fx(app[0]::shutdown);
            Platform.exit();
        }
        System.out.printf(Locale.ROOT, "load %s%n", load());
        System.exit(0);
    }

    /** A second device of the same account creates the vault and writes N items to the store. */
    private static void seed(
            StrongroomServer server, ServerEndpoint endpoint, String email, Path dir, int n) {
        UnlockedSession writer =
                new AccountService(KdfPinStore.inMemory())
                        .login(ServerApi.connect(endpoint), email, PASSWORD.clone(), "writer");
        LocalCache cache;
        try (CacheKey key = SyncEngine.cacheKey(writer)) {
            cache =
                    LocalCache.open(
                            dir.resolve("writer.db"),
                            key,
                            new CacheProfile(writer.accountId().toString(), "bench"));
        }
        try (SyncEngine engine = new SyncEngine(writer, cache)) {
            VaultInfo vault = new VaultService(engine).createPersonalVault("Personal");
            ClientSyncBench.seed(server, engine, vault, n);
        } finally {
            cache.close();
            writer.lock();
        }
    }

    private static double kdfMillis() {
        List<Double> runs = new ArrayList<>();
        byte[] salt = new byte[PasswordKdf.SALT_LENGTH];
        for (int i = 0; i < 5; i++) {
            long s = System.nanoTime();
            byte[] key = PasswordKdf.deriveMasterKey(PASSWORD.clone(), salt, KDF);
            runs.add((System.nanoTime() - s) / 1e6);
            Arrays.fill(key, (byte) 0);
        }
        return median(runs);
    }

    private static void memory(Stage stage) throws Exception {
        int[] listed = new int[1];
        FxProbe.fx(
                () ->
                        listed[0] =
                                ((ListView<?>) stage.getScene().lookup("#itemList"))
                                        .getItems()
                                        .size());
        String before = rss();
        System.gc();
        Thread.sleep(1000);
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
                Locale.ROOT,
                "memory with %d items listed: VmRSS %s (after System.gc: %s); heap used %d MiB of %d MiB committed, max %d MiB | load %s%n",
                listed[0],
                before,
                rss(),
                (rt.totalMemory() - rt.freeMemory()) >> 20,
                rt.totalMemory() >> 20,
                rt.maxMemory() >> 20,
                load());
        String pause = System.getenv("DESKTOP_BENCH_PAUSE_SECONDS");
        if (pause != null && !pause.isBlank()) {
            // Time to look at the process from outside (pmap, jcmd) in the measured state.
            System.out.println(
                    "pausing " + pause.strip() + " s, pid " + ProcessHandle.current().pid());
            Thread.sleep(Long.parseLong(pause.strip()) * 1000);
        }
        String histo = ShippedJvmOptions.heapHistogram();
        if (!histo.isEmpty()) {
            System.out.println(histo);
        }
        String nmt = ShippedJvmOptions.nativeMemory();
        if (!nmt.isEmpty()) {
            System.out.println(nmt);
        }
    }

    /**
     * VmRSS, and how much of it is anonymous memory and how much mapped files (jars, libraries).
     */
    static String rss() throws Exception {
        long rss = -1;
        long anon = -1;
        long file = -1;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            long kib = line.matches("^(VmRSS|RssAnon|RssFile):.*") ? kib(line) : -1;
            if (line.startsWith("VmRSS:")) {
                rss = kib;
            } else if (line.startsWith("RssAnon:")) {
                anon = kib;
            } else if (line.startsWith("RssFile:")) {
                file = kib;
            }
        }
        return rss < 0
                ? "n/a"
                : String.format(
                        Locale.ROOT,
                        "%.0f MiB [anon %.0f, files %.0f]",
                        rss / 1024.0,
                        anon / 1024.0,
                        file / 1024.0);
    }

    private static long kib(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "n/a";
        }
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int m = s.size() / 2;
        return s.size() % 2 == 1 ? s.get(m) : (s.get(m - 1) + s.get(m)) / 2;
    }

    static double ms(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e6;
    }

    static void await(CountDownLatch latch, String what) throws InterruptedException {
        FxProbe.await(latch, what);
    }
}
