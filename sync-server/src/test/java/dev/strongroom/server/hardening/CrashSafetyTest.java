package dev.strongroom.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.wire.CreateItemRequest;
import dev.strongroom.model.wire.ItemHistoryResponse;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.UpdateItemRequest;
import dev.strongroom.server.testing.Api;
import dev.strongroom.server.testing.ServerProcess;
import dev.strongroom.server.testing.TestTeam;
import dev.strongroom.server.testing.TestUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the embedded SQLite store: the real server process is killed with SIGKILL at a
 * random moment under check-and-set write load, again and again. After every kill the database
 * passes {@code PRAGMA integrity_check} and {@code foreign_key_check}, {@code audit verify} (the
 * server's own command, as a process) passes, and after the restart every write the client saw
 * acknowledged is there with its acknowledged revision and content (current row and history); a
 * write in flight at the kill may or may not be there, but only as exactly the bytes sent.
 */
class CrashSafetyTest {

    /** Kills; the issue asks for at least 10. {@code -Dstrongroom.crash.rounds=50} for more. */
    private static final int ROUNDS = Integer.getInteger("strongroom.crash.rounds", 10);

    private static final int WRITERS = 2;
    private static final int ITEMS_PER_WRITER = 3;
    private static final int HISTORY_DEPTH = 20;

    @TempDir Path tmp;

    /** One item as the client knows it: acknowledged revisions and the write in flight, if any. */
    static final class Tracked {
        final UUID id = UUID.randomUUID();
        final Map<Long, byte[]> acked = new HashMap<>(); // revision -> SHA-256 of content
        long ackRevision; // 0: creation not yet acknowledged
        long pendingRevision; // 0: nothing in flight
        byte[] pendingHash;
    }

    @Test
    void acknowledgedWritesSurviveSigkill() throws Exception {
        Path dataDir = tmp.resolve("data");
        List<String> dbOptions = List.of("--data-dir", dataDir.toString());
        ServerProcess server = ServerProcess.start(tmp, dbOptions);
        Api api = server.api();
        TestUser alice = new TestUser("crash").register(api).login(api);
        TestTeam team = new TestTeam(api).create(alice);
        UUID vault = team.createVault(alice);

        List<List<Tracked>> owned = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            List<Tracked> mine = new ArrayList<>();
            for (int i = 0; i < ITEMS_PER_WRITER; i++) {
                mine.add(new Tracked());
            }
            owned.add(mine);
        }
        int totalAcks = 0;
        int inFlightFound = 0;
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
                AtomicInteger acks = new AtomicInteger();
                List<Thread> writers = new ArrayList<>();
                for (List<Tracked> mine : owned) {
                    Api a = api;
                    Thread t =
                            new Thread(
                                    () -> writeUntilDead(a, alice, vault, mine, acks, failures),
                                    "crash-writer");
                    writers.add(t);
                    t.start();
                }
                // kill at a random moment once the load is flowing (on a loaded machine the
                // first acknowledgement can take a while after the restart)
                long waitUntil = System.nanoTime() + 30_000_000_000L;
                while (acks.get() == 0 && failures.isEmpty() && System.nanoTime() < waitUntil) {
                    Thread.sleep(5);
                }
                Thread.sleep(ThreadLocalRandom.current().nextLong(0, 1200));
                server.kill();
                for (Thread t : writers) {
                    t.join(60_000);
                    assertThat(t.isAlive()).as("writer stuck").isFalse();
                }
                assertThat(failures).as("round " + round).isEmpty();
                assertThat(acks.get()).as("writes acknowledged in round " + round).isPositive();
                totalAcks += acks.get();

                assertSqliteIntact(dataDir.resolve("strongroom.db"));
                ServerProcess.Result verify =
                        ServerProcess.run(
                                List.of("audit", "verify", "--data-dir", dataDir.toString()));
                assertThat(verify.exitCode()).as(verify.output()).isZero();
                assertThat(verify.output()).contains("audit chain intact");

                server = ServerProcess.start(tmp, dbOptions);
                api = server.api();
                // the session survives too: it was acknowledged at login
                for (List<Tracked> mine : owned) {
                    for (Tracked item : mine) {
                        inFlightFound += checkSurvived(api, alice, vault, item);
                    }
                }
            }
        } finally {
            server.close();
        }
        System.out.printf(
                "crash safety: %d kills, %d acknowledged writes checked, %d in-flight writes"
                        + " found committed%n",
                ROUNDS, totalAcks, inFlightFound);
        assertThat(totalAcks).isGreaterThanOrEqualTo(ROUNDS);
    }

    /** Check-and-set writes on this writer's own items until the server dies. */
    private static void writeUntilDead(
            Api api,
            TestUser user,
            UUID vault,
            List<Tracked> items,
            AtomicInteger acks,
            ConcurrentLinkedQueue<String> failures) {
        for (int n = 0; ; n++) {
            Tracked item = items.get(n % items.size());
            byte[] content = Randoms.bytes(200 + n % 50);
            long next = item.ackRevision + 1;
            item.pendingRevision = next;
            item.pendingHash = Sha256.hash(content);
            Api.Response r;
            try {
                r =
                        item.ackRevision == 0
                                ? api.post(
                                        "/api/v1/vaults/" + vault + "/items",
                                        user.token,
                                        new CreateItemRequest(
                                                item.id,
                                                1,
                                                Randoms.bytes(72),
                                                content,
                                                Randoms.bytes(64),
                                                0L))
                                : api.put(
                                        "/api/v1/vaults/" + vault + "/items/" + item.id,
                                        user.token,
                                        new UpdateItemRequest(
                                                item.ackRevision,
                                                1,
                                                Randoms.bytes(72),
                                                content,
                                                false,
                                                Randoms.bytes(64),
                                                0L));
            } catch (AssertionError connectionLost) {
                return; // the server died with this write in flight: outcome unknown
            }
            int expectedStatus = item.ackRevision == 0 ? 201 : 200;
            if (r.status() != expectedStatus) {
                failures.add(item.id + " rev " + next + ": " + r);
                return;
            }
            long revision = r.as(ItemResponse.class).revision();
            if (revision != next) {
                failures.add(item.id + " acknowledged as " + revision + ", expected " + next);
                return;
            }
            item.acked.put(next, item.pendingHash);
            item.ackRevision = next;
            item.pendingRevision = 0;
            item.pendingHash = null;
            acks.incrementAndGet();
        }
    }

    /**
     * After a restart: the item is at its acknowledged revision with the acknowledged bytes, or one
     * further with exactly the bytes that were in flight; every acknowledged revision still in the
     * history window is there with its bytes. Returns 1 when the in-flight write was committed.
     */
    private static int checkSurvived(Api api, TestUser user, UUID vault, Tracked item) {
        String path = "/api/v1/vaults/" + vault + "/items/" + item.id;
        Api.Response r = api.get(path, user.token);
        int inFlight = 0;
        if (r.status() == 404) {
            assertThat(item.ackRevision).as("acknowledged create lost: " + item.id).isZero();
            item.pendingRevision = 0;
            return 0;
        }
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        ItemResponse now = r.as(ItemResponse.class);
        byte[] hash = Sha256.hash(now.content());
        if (now.revision() == item.ackRevision) {
            assertThat(hash)
                    .as("content of acknowledged revision")
                    .isEqualTo(item.acked.get(now.revision()));
        } else {
            assertThat(now.revision())
                    .as("item %s: acknowledged %d", item.id, item.ackRevision)
                    .isEqualTo(item.pendingRevision)
                    .isEqualTo(item.ackRevision + 1);
            assertThat(hash).as("committed in-flight write").isEqualTo(item.pendingHash);
            // the client never saw it, but it is durable now: adopt it
            item.acked.put(now.revision(), hash);
            item.ackRevision = now.revision();
            inFlight = 1;
        }
        item.pendingRevision = 0;
        item.pendingHash = null;
        ItemHistoryResponse history =
                api.get(path + "/history", user.token).as(ItemHistoryResponse.class);
        Map<Long, byte[]> stored = new HashMap<>();
        for (ItemResponse old : history.revisions()) {
            stored.put(old.revision(), Sha256.hash(old.content()));
        }
        for (long rev = Math.max(1, item.ackRevision - HISTORY_DEPTH + 1);
                rev <= item.ackRevision;
                rev++) {
            assertThat(stored).as("history of %s has revision %d", item.id, rev).containsKey(rev);
            assertThat(Arrays.equals(stored.get(rev), item.acked.get(rev)))
                    .as("history bytes of %s revision %d", item.id, rev)
                    .isTrue();
        }
        return inFlight;
    }

    /** Opens the file the killed server left behind (recovering the WAL) and checks it. */
    private static void assertSqliteIntact(Path file) throws Exception {
        assertThat(Files.exists(file)).isTrue();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            try (ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
                assertThat(rs.next()).as("foreign key violations").isFalse();
            }
        }
    }
}
