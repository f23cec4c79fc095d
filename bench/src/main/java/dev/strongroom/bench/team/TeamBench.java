package dev.strongroom.bench.team;

import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.KdfPinStore;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.cache.CacheKey;
import dev.strongroom.client.cache.CacheProfile;
import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.cache.LocalCache;
import dev.strongroom.client.item.ApiKey;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.sync.QueuedWrite;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.client.team.RemovalReport;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.vault.VaultHead;
import dev.strongroom.model.wire.VaultHeadRequest;
import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import dev.strongroom.server.vaults.VaultStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Team sharing costs against a real in-process server (SQLite): granting a vault of N items to a
 * new member (one wrap, one log append, then the sync pull that follows), and removing a member
 * with a key rotation of the whole vault. Items are written straight into the server's store with
 * real signatures (a client adding 10,000 items one by one would dominate the run), then pulled and
 * verified once. Usage: {@code TeamBench 1000 10000}.
 */
public final class TeamBench {

    private static final char[] PASSWORD = "bench password".toCharArray();

    public static void main(String[] args) throws Exception {
        for (String n : args.length == 0 ? new String[] {"1000", "10000"} : args) {
            run(Integer.parseInt(n));
        }
    }

    static void run(int items) throws Exception {
        Path dir = Files.createTempDirectory("team-bench");
        try (StrongroomServer server =
                StrongroomServer.start(ServerConfig.defaults(dir.resolve("server")).withPort(0))) {
            ServerEndpoint endpoint = ServerEndpoint.of("http://127.0.0.1:" + server.port(), null);
            Device alice = new Device(endpoint, dir, "alice");
            String team = alice.teams.createTeam("bench");
            String vault = alice.vaults.createVault(team, "big").vaultId();
            List<Device> members = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Device d = new Device(endpoint, dir, "m" + i);
                alice.teams.verify(d.email, d.teams.myFingerprint().digits());
                alice.teams.addMember(team, d.email, Role.MEMBER);
                members.add(d);
            }
            populate(server, alice, team, vault, items);
            long t = System.nanoTime();
            alice.engine.pull();
            double pull = ms(t);

            alice.teams.grant(vault, members.get(0).id, Permission.WRITE); // warm-up, not timed
            alice.engine.pull();
            List<Double> grants = new ArrayList<>();
            List<Double> syncs = new ArrayList<>();
            for (int i = 1; i < members.size(); i++) {
                t = System.nanoTime();
                alice.teams.grant(vault, members.get(i).id, Permission.READ);
                grants.add(ms(t));
                t = System.nanoTime();
                alice.engine.pull(); // the sync that follows (and readies the next grant)
                syncs.add(ms(t));
            }
            t = System.nanoTime();
            alice.engine.pull();
            double idlePull = ms(t);
            grants.sort(Double::compare);
            syncs.sort(Double::compare);
            System.out.printf(
                    "items=%d first-pull-verify=%.0f ms | grant median %.1f ms [min %.1f, max"
                            + " %.1f] (n=%d) | pull after a grant median %.1f ms | no-change pull"
                            + " %.1f ms%n",
                    items,
                    pull,
                    grants.get(grants.size() / 2),
                    grants.get(0),
                    grants.get(grants.size() - 1),
                    grants.size(),
                    syncs.get(syncs.size() / 2),
                    idlePull);

            t = System.nanoTime();
            try {
                RemovalReport r = alice.teams.remove(team, members.get(1).id);
                double remove = ms(t);
                t = System.nanoTime();
                int findings = alice.teams.exposure().findings(team).size();
                double exposure = ms(t);
                t = System.nanoTime();
                alice.engine.pull();
                double idle = ms(t);
                t = System.nanoTime();
                alice.teams.rotateVaultKey(vault);
                double rotate = ms(t);
                System.out.printf(
                        "items=%d remove-with-rotation=%.0f ms (rotated %d vault, %d findings) |"
                                + " exposure report alone %.0f ms (%d findings) | rotate-key alone"
                                + " (send + verifying pull) %.0f ms | no-change pull %.0f ms%n",
                        items,
                        remove,
                        r.rotatedVaults().size(),
                        r.exposure().size(),
                        exposure,
                        findings,
                        rotate,
                        idle);
            } catch (RuntimeException e) {
                System.out.printf(
                        "items=%d remove-with-rotation: not measurable here (%s)%n",
                        items, e.getMessage());
            }
            alice.close();
            for (Device d : members) {
                d.close();
            }
        }
    }

    /** Writes N signed items straight into the server's store, then one signed head over them. */
    public static void populate(
            StrongroomServer server, Device alice, String team, String vault, int n) {
        long seq = alice.engine.logSeq(team);
        Map<String, byte[]> hashes = new HashMap<>();
        List<QueuedWrite> writes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String itemId = UUID.randomUUID().toString();
            byte[] plain = item(i).toBytes();
            QueuedWrite q =
                    QueuedWrite.seal(
                            alice.session.identity(),
                            alice.id,
                            team,
                            alice.engine.currentVaultKey(vault),
                            vault,
                            itemId,
                            1,
                            plain,
                            seq);
            writes.add(q);
            CachedItem c = q.cachedItem();
            hashes.put(itemId, c.revision().revisionHash(c.signature()));
        }
        server.database()
                .write(
                        tx -> {
                            for (QueuedWrite q : writes) {
                                VaultStore.writeRevision(
                                        tx,
                                        UUID.fromString(vault),
                                        UUID.fromString(q.itemId()),
                                        0,
                                        new VaultStore.Revision(
                                                q.keyVersion(),
                                                q.itemKeyWrap(),
                                                q.content(),
                                                q.signature(),
                                                UUID.fromString(alice.id),
                                                q.logSeq(),
                                                false),
                                        10,
                                        System.currentTimeMillis());
                            }
                            return null;
                        });
        long counter = alice.cache.vaultHead(vault).map(p -> p.head().counter()).orElse(0L);
        VaultHead head =
                new VaultHead(
                        team, vault, counter + 1, 1, VaultHead.digestOf(hashes), n, alice.id, seq);
        alice.engine
                .api()
                .putHead(
                        vault,
                        new VaultHeadRequest(
                                head.counter(),
                                1,
                                head.itemsDigest(),
                                n,
                                seq,
                                head.sign(alice.session.identity())));
    }

    private static ItemContent item(int i) {
        return ItemContent.builder(
                        new ApiKey("AKIA" + i, SecretText.copyOf(("secret-" + i).toCharArray())),
                        "key " + i,
                        Instant.parse("2026-01-02T03:04:05Z"))
                .build();
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    /** One account on one device (the recovery bench's people too). */
    public static final class Device implements AutoCloseable {
        public final String email;
        public final UnlockedSession session;
        public final LocalCache cache;
        public final SyncEngine engine;
        public final VaultService vaults;
        public final TeamService teams;
        public final String id;
        public final Path home;

        public Device(ServerEndpoint endpoint, Path dir, String name) {
            email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@bench.test";
            new AccountService(KdfPinStore.inMemory())
                    .register(
                            ServerApi.connect(endpoint),
                            email,
                            PASSWORD.clone(),
                            new Argon2idParams(19456, 2, 1));
            session =
                    new AccountService(KdfPinStore.inMemory())
                            .login(ServerApi.connect(endpoint), email, PASSWORD.clone(), "bench");
            home = dir.resolve(name);
            try (CacheKey key = SyncEngine.cacheKey(session)) {
                cache =
                        LocalCache.open(
                                home.resolve("cache.db"),
                                key,
                                new CacheProfile(session.accountId().toString(), "bench"));
            }
            engine = new SyncEngine(session, cache);
            vaults = new VaultService(engine);
            teams = new TeamService(vaults, engine, home.resolve("state"));
            id = session.accountId().toString();
        }

        @Override
        public void close() {
            teams.close();
            engine.close();
            cache.close();
            session.close();
        }
    }
}
