package dev.strongroom.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.server.testing.Api;
import dev.strongroom.server.testing.Backend;
import dev.strongroom.server.testing.TestServer;
import dev.strongroom.server.testing.TestTeam;
import dev.strongroom.server.testing.TestUser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Twenty clients, each its own account with its own session and a write grant, race check-and-set
 * updates on five shared items, half the time with a revision they read just before and half the
 * time with a stale one they remember, so conflicts are frequent. Proves: no acknowledged update is
 * lost (each item's final revision is 1 + its successes, and the acknowledged revisions are exactly
 * 2..final, no revision handed out twice); every failure is a 409 {@code revision_conflict}
 * carrying a current revision newer than the one sent; nothing else (no 5xx, no busy error); one
 * audit event per success; the audit chain verifies.
 */
class ConcurrentCheckAndSetTest {

    static final int CLIENTS = 20;
    static final int ITEMS = 5;
    static final int OPS_PER_CLIENT = 12;

    @TempDir Path tmp;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void twentyClientsLoseNoUpdateAndEveryConflictIsReported(Backend backend) throws Exception {
        try (TestServer server = TestServer.start(backend, tmp)) {
            Api api = server.api();
            TestUser owner = new TestUser("owner").register(api).login(api);
            TestTeam team = new TestTeam(api).create(owner);
            UUID vault = team.createVault(owner);
            List<TestUser> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                TestUser u = new TestUser("client" + c).register(api).login(api);
                team.addMember(owner, u, Role.MEMBER);
                team.grant(owner, vault, u, Permission.WRITE, 1);
                clients.add(u);
            }
            List<UUID> items = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                UUID id = UUID.randomUUID();
                TestTeam.created(TestTeam.createItem(api, owner, vault, id, 1));
                items.add(id);
            }

            Map<UUID, ConcurrentLinkedQueue<Long>> acknowledged = new ConcurrentHashMap<>();
            items.forEach(id -> acknowledged.put(id, new ConcurrentLinkedQueue<>()));
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            AtomicInteger conflicts = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                TestUser me = clients.get(c);
                Random random = new Random(c);
                futures.add(
                        pool.submit(
                                () -> {
                                    Map<UUID, Long> remembered = new HashMap<>();
                                    go.await();
                                    for (int n = 0; n < OPS_PER_CLIENT; n++) {
                                        UUID item = items.get(random.nextInt(ITEMS));
                                        String path = "/api/v1/vaults/" + vault + "/items/" + item;
                                        Long expected = remembered.get(item);
                                        if (expected == null || random.nextBoolean()) {
                                            Api.Response got = api.get(path, me.token);
                                            if (got.status() != 200) {
                                                wrong.add("read: " + got);
                                                continue;
                                            }
                                            expected = got.as(ItemResponse.class).revision();
                                        }
                                        Api.Response r =
                                                TestTeam.updateItem(
                                                        api, me, vault, item, expected, 1, false);
                                        if (r.status() == 200) {
                                            long rev = r.as(ItemResponse.class).revision();
                                            if (rev != expected + 1) {
                                                wrong.add(
                                                        "acknowledged " + rev + " for " + expected);
                                            }
                                            acknowledged.get(item).add(rev);
                                            remembered.put(item, rev);
                                        } else if (r.status() == 409) {
                                            JsonNode error = r.json().path("error");
                                            long current = error.path("currentRevision").asLong(-1);
                                            if (!"revision_conflict"
                                                            .equals(error.path("code").asText())
                                                    || current <= expected) {
                                                wrong.add("conflict for " + expected + ": " + r);
                                            }
                                            conflicts.incrementAndGet();
                                            remembered.put(item, current);
                                        } else {
                                            wrong.add("update: " + r);
                                        }
                                    }
                                    return null;
                                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get(180, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(wrong).isEmpty();
            int successes = 0;
            for (UUID item : items) {
                List<Long> revs = new ArrayList<>(acknowledged.get(item));
                revs.sort(null);
                long finalRevision =
                        api.get("/api/v1/vaults/" + vault + "/items/" + item, owner.token)
                                .as(ItemResponse.class)
                                .revision();
                assertThat(finalRevision).as("item %s", item).isEqualTo(1 + revs.size());
                List<Long> expectedRevs = new ArrayList<>();
                for (long r = 2; r <= finalRevision; r++) {
                    expectedRevs.add(r);
                }
                assertThat(revs).as("acknowledged revisions of %s", item).isEqualTo(expectedRevs);
                successes += revs.size();
            }
            assertThat(successes + conflicts.get()).isEqualTo(CLIENTS * OPS_PER_CLIENT);
            assertThat(conflicts.get()).as("the race produced conflicts").isPositive();
            long audited =
                    server.db()
                            .read(
                                    tx ->
                                            tx.queryLong(
                                                    "SELECT COUNT(*) FROM audit_events WHERE"
                                                            + " action = 'item.update'"));
            assertThat(audited).isEqualTo(successes);
            assertThat(server.server().audit().verify().ok()).isTrue();
            System.out.printf(
                    "%s: %d clients, %d updates acknowledged, %d conflicts%n",
                    backend, CLIENTS, successes, conflicts.get());
        }
    }
}
