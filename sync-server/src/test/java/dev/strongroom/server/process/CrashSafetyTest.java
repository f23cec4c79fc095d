package dev.strongroom.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.server.audit.AuditLog;
import dev.strongroom.server.audit.AuditVerification;
import dev.strongroom.server.db.Database;
import dev.strongroom.server.testing.Api;
import dev.strongroom.server.testing.ServerProcess;
import dev.strongroom.server.testing.TestTeam;
import dev.strongroom.server.testing.TestUser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded SQLite server under write load is killed with SIGKILL at random moments; after each
 * restart the database passes its integrity check, the audit chain verifies, and every write the
 * client saw acknowledged is there.
 */
class CrashSafetyTest {

    static final int KILLS = 10;

    @TempDir Path dir;

    @Test
    void acknowledgedWritesSurviveKillNine() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("server.log");
        String[] args = {"--data-dir", data.toString()};
        Random random = new Random(42);
        TestUser alice;
        UUID vault;
        try (ServerProcess first = ServerProcess.start(log, args)) {
            Api api = first.api();
            alice = new TestUser("crash").register(api).login(api);
            vault = new TestTeam(api).create(alice).createVault(alice);
            first.kill();
        }
        Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
        for (int round = 0; round < KILLS; round++) {
            try (ServerProcess server = ServerProcess.start(log, args)) {
                Api api = server.api();
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> writers = new ArrayList<>();
                for (int w = 0; w < 3; w++) {
                    Thread t =
                            new Thread(
                                    () -> {
                                        while (!stop.get()) {
                                            UUID id = UUID.randomUUID();
                                            try {
                                                if (TestTeam.createItem(api, alice, vault, id, 1)
                                                                .status()
                                                        == 201) {
                                                    acknowledged.add(id);
                                                }
                                            } catch (AssertionError | RuntimeException e) {
                                                return; // the server died under us
                                            }
                                        }
                                    });
                    t.start();
                    writers.add(t);
                }
                Thread.sleep(300 + random.nextInt(700));
                server.kill();
                stop.set(true);
                for (Thread t : writers) {
                    t.join(30_000);
                }
            }
            try (Database db = Database.openSqlite(data)) {
                String integrity =
                        db.readRaw(
                                c -> {
                                    try (var rs =
                                            c.createStatement()
                                                    .executeQuery("PRAGMA integrity_check")) {
                                        rs.next();
                                        return rs.getString(1);
                                    }
                                });
                assertThat(integrity).as("round " + round).isEqualTo("ok");
                AuditVerification v = new AuditLog(db).verify();
                assertThat(v.ok()).as("round " + round + ": " + v.problem()).isTrue();
                Set<String> stored =
                        Set.copyOf(
                                db.read(
                                        tx ->
                                                tx.query(
                                                        "SELECT id FROM items WHERE vault_id = ?",
                                                        rs -> rs.getString(1),
                                                        vault)));
                for (UUID id : acknowledged) {
                    assertThat(stored)
                            .as("round " + round + ": acknowledged item lost")
                            .contains(id.toString());
                }
                long audited =
                        db.read(
                                tx ->
                                        tx.queryLong(
                                                "SELECT COUNT(*) FROM audit_events WHERE action = 'item.create'"));
                assertThat(audited).isEqualTo(stored.size());
            }
        }
        assertThat(acknowledged).hasSizeGreaterThan(KILLS);
    }
}
