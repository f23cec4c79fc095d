package dev.strongroom.bench.recovery;

import dev.strongroom.bench.team.TeamBench;
import dev.strongroom.bench.team.TeamBench.Device;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.recovery.BreakGlass;
import dev.strongroom.client.recovery.OpenedVault;
import dev.strongroom.client.recovery.RecoveryService;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 7's figure over the product's whole path: a real in-process server (SQLite) and the
 * requester's client-core {@link BreakGlass}, as the desktop app and the CLI agent drive it.
 * alice's team vault holds N signed items (default 10,000); bob, carol and alice are the approvers
 * of a 2-of-3 policy; zed, a member without access, asks to open the vault. Each round: bob
 * approves, zed's client reads and checks the vault ahead (timed apart: it happens while the last
 * approval is awaited), carol gives the M-th approval, and the combine is timed: release, log,
 * shares, the changes since the reading ahead, the signed head and every item opened. With {@code
 * full}, zed does not read ahead (the combine reads and checks everything). Arguments: {@code
 * [items=10000] [rounds=3] [ahead|full]}.
 */
public final class RecoveryCombineBench {

    private RecoveryCombineBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean ahead = !(args.length > 2 && args[2].equals("full"));
        Path dir = Files.createTempDirectory("recovery-combine-bench");
        try (StrongroomServer server =
                StrongroomServer.start(ServerConfig.defaults(dir.resolve("server")).withPort(0))) {
            ServerEndpoint endpoint = ServerEndpoint.of("http://127.0.0.1:" + server.port(), null);
            Device alice = new Device(endpoint, dir, "alice");
            Device bob = new Device(endpoint, dir, "bob");
            Device carol = new Device(endpoint, dir, "carol");
            Device zed = new Device(endpoint, dir, "zed");
            String team = alice.teams.createTeam("bench");
            String vault = alice.vaults.createVault(team, "prod").vaultId();
            for (Device d : List.of(bob, carol, zed)) {
                alice.teams.verify(d.email, d.teams.myFingerprint().digits());
                alice.teams.addMember(team, d.email, Role.MEMBER);
                d.teams.verify(alice.email, alice.teams.myFingerprint().digits());
                d.teams.join(team);
            }
            TeamBench.populate(server, alice, team, vault, n);
            alice.engine.pull();
            new RecoveryService(alice.vaults, alice.engine, alice.teams)
                    .setup(team, List.of(alice.id, bob.id, carol.id), 2, 0, false);
            System.out.printf(Locale.ROOT, "seeded %d items | load %s%n", n, load());
            BreakGlass zedGlass = glass(zed);
            List<Long> combines = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                String request =
                        zedGlass.request(
                                team, new RecoveryScope(RecoveryScope.VAULT, vault), "bench");
                glass(bob).approve(team, request);
                long readMs = 0;
                if (ahead) {
                    long t = System.nanoTime();
                    zedGlass.readAhead(team, request);
                    readMs = (System.nanoTime() - t) / 1_000_000;
                }
                glass(carol).approve(team, request); // the M-th approval
                long t = System.nanoTime();
                List<OpenedVault> opened = zedGlass.combine(team, request);
                long ms = (System.nanoTime() - t) / 1_000_000;
                int items = opened.stream().mapToInt(v -> v.items().size()).sum();
                opened.forEach(OpenedVault::close);
                if (items != n) {
                    throw new IllegalStateException("opened " + items + " items");
                }
                combines.add(ms);
                System.out.printf(
                        Locale.ROOT,
                        "round %d: M-th approval to %d opened items %d ms%s | load %s%n",
                        r,
                        items,
                        ms,
                        ahead ? " (read and checked ahead in " + readMs + " ms before it)" : "",
                        load());
            }
            List<Long> sorted = new ArrayList<>(combines);
            sorted.sort(Long::compare);
            System.out.printf(
                    Locale.ROOT,
                    "COMBINE over a real server, %d items, %s: median %d ms, max %d ms over %d"
                            + " rounds (target < 1000 ms after the KDF; there is none in this path)%n",
                    n,
                    ahead ? "read ahead" : "nothing read ahead",
                    sorted.get(rounds / 2),
                    sorted.get(rounds - 1),
                    rounds);
            for (Device d : List.of(alice, bob, carol, zed)) {
                d.close();
            }
        }
        System.exit(0);
    }

    private static BreakGlass glass(Device d) {
        return new BreakGlass(
                new RecoveryService(d.vaults, d.engine, d.teams), d.engine, d.home.resolve("bg"));
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).substring(0, 14).strip();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
