package dev.strongroom.server.vaults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.wire.AppendLogRequest;
import dev.strongroom.model.wire.ChangesResponse;
import dev.strongroom.model.wire.ItemHistoryResponse;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.ItemRewrap;
import dev.strongroom.model.wire.KeyWrapUpload;
import dev.strongroom.model.wire.LogEntriesResponse;
import dev.strongroom.model.wire.RestoreItemRequest;
import dev.strongroom.model.wire.TeamListResponse;
import dev.strongroom.model.wire.VaultHeadRequest;
import dev.strongroom.model.wire.VaultHeadResponse;
import dev.strongroom.model.wire.VaultKeysResponse;
import dev.strongroom.model.wire.VaultListResponse;
import dev.strongroom.server.testing.Api;
import dev.strongroom.server.testing.Backend;
import dev.strongroom.server.testing.TestServer;
import dev.strongroom.server.testing.TestTeam;
import dev.strongroom.server.testing.TestUser;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class VaultApiTest {

    @Parameter Backend backend;

    private static TestServer server;
    private static Api api;

    @BeforeParameterizedClassInvocation
    static void start(Backend backend) throws Exception {
        server = TestServer.start(backend, Files.createTempDirectory("vaults"));
        api = server.api();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    private record Setup(TestUser alice, TestUser bob, TestTeam team, UUID vault) {}

    /** alice owns a team with one vault; bob is a member with read access. */
    private Setup setup() {
        TestUser alice = new TestUser("alice").register(api).login(api);
        TestUser bob = new TestUser("bob").register(api).login(api);
        TestTeam team = new TestTeam(api).create(alice);
        UUID vault = team.createVault(alice);
        team.addMember(alice, bob, Role.MEMBER);
        team.grant(alice, vault, bob, Permission.READ, 1);
        return new Setup(alice, bob, team, vault);
    }

    @Test
    void teamsVaultsAndWrapsFollowTheVerifiedLog() {
        Setup s = setup();
        TeamListResponse teams = api.get("/api/v1/teams", s.bob().token).as(TeamListResponse.class);
        assertThat(teams.teams())
                .singleElement()
                .satisfies(
                        t -> {
                            assertThat(t.teamId()).isEqualTo(s.team().id);
                            assertThat(t.role()).isEqualTo("member");
                            assertThat(t.headSeq()).isEqualTo(3);
                        });
        LogEntriesResponse log =
                api.get("/api/v1/teams/" + s.team().id + "/log", s.bob().token)
                        .as(LogEntriesResponse.class);
        assertThat(log.entries()).hasSize(4);
        assertThat(
                        api.get("/api/v1/teams/" + s.team().id + "/log?after=2", s.bob().token)
                                .as(LogEntriesResponse.class)
                                .entries())
                .hasSize(1);

        VaultListResponse bobs =
                api.get("/api/v1/vaults", s.bob().token).as(VaultListResponse.class);
        assertThat(bobs.vaults())
                .singleElement()
                .satisfies(v -> assertThat(v.permission()).isEqualTo("read"));
        VaultKeysResponse keys =
                api.get("/api/v1/vaults/" + s.vault() + "/keys", s.bob().token)
                        .as(VaultKeysResponse.class);
        assertThat(keys.wraps())
                .singleElement()
                .satisfies(w -> assertThat(w.keyVersion()).isEqualTo(1));
        VaultKeysResponse aliceKeys =
                api.get("/api/v1/vaults/" + s.vault() + "/keys", s.alice().token)
                        .as(VaultKeysResponse.class);
        assertThat(aliceKeys.wraps().get(0).wrap()).isNotEqualTo(keys.wraps().get(0).wrap());

        TestUser carol = new TestUser("carol").register(api).login(api);
        assertThat(api.get("/api/v1/vaults", carol.token).as(VaultListResponse.class).vaults())
                .isEmpty();
        assertThat(api.get("/api/v1/vaults/" + s.vault(), carol.token).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/vaults/" + s.vault() + "/keys", carol.token).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/teams/" + s.team().id + "/log", carol.token).status())
                .isEqualTo(404);
    }

    @Test
    void aDeletedAccountsIdCannotBeReusedToInheritItsGrants() {
        Setup s = setup();
        Api.Response deleted =
                api.post(
                        "/api/v1/account/delete",
                        s.bob().token,
                        new dev.strongroom.model.wire.DeleteAccountRequest(
                                s.bob().proof(api, s.bob().authSecret)));
        assertThat(deleted.status()).isEqualTo(204);
        TestUser impostor = new TestUser("impostor");
        var original = impostor.registerRequest();
        var reused =
                new dev.strongroom.model.wire.RegisterRequest(
                        s.bob().id,
                        impostor.email,
                        original.kdf(),
                        original.srpSalt(),
                        original.srpVerifier(),
                        original.wrappedAccountKey(),
                        original.encryptedPrivateKeys(),
                        new dev.strongroom.model.identity.PublicBundleJson(
                                s.bob().id.toString(),
                                impostor.email,
                                original.publicBundle().encryptionKey(),
                                original.publicBundle().signingKey(),
                                original.publicBundle().created(),
                                original.publicBundle().signature()));
        Api.Response r = api.post("/api/v1/accounts", null, reused);
        assertThat(r.status()).as(r.body()).isEqualTo(409);
    }

    @Test
    void itemsHaveRevisionsCheckAndSetTombstonesHistoryAndRestore() {
        Setup s = setup();
        UUID itemId = UUID.randomUUID();
        ItemResponse v1 =
                TestTeam.created(TestTeam.createItem(api, s.alice(), s.vault(), itemId, 1));
        assertThat(v1.revision()).isEqualTo(1);
        Api.Response dup = TestTeam.createItem(api, s.alice(), s.vault(), itemId, 1);
        assertThat(dup.status()).isEqualTo(409);

        Api.Response v2 = TestTeam.updateItem(api, s.alice(), s.vault(), itemId, 1, 1, false);
        assertThat(v2.status()).isEqualTo(200);
        Api.Response stale = TestTeam.updateItem(api, s.alice(), s.vault(), itemId, 1, 1, false);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.errorCode()).isEqualTo("revision_conflict");
        assertThat(stale.json().path("error").path("currentRevision").asLong()).isEqualTo(2);

        // bob reads but may not write
        assertThat(
                        api.get("/api/v1/vaults/" + s.vault() + "/items/" + itemId, s.bob().token)
                                .as(ItemResponse.class)
                                .revision())
                .isEqualTo(2);
        List<String> before = server.snapshot();
        assertThat(TestTeam.updateItem(api, s.bob(), s.vault(), itemId, 2, 1, false).status())
                .isEqualTo(403);
        assertThat(TestTeam.createItem(api, s.bob(), s.vault(), UUID.randomUUID(), 1).status())
                .isEqualTo(403);
        assertThat(server.snapshot()).isEqualTo(before);

        Api.Response tomb = TestTeam.updateItem(api, s.alice(), s.vault(), itemId, 2, 1, true);
        assertThat(tomb.status()).as(tomb.body()).isEqualTo(200);
        assertThat(tomb.as(ItemResponse.class).deleted()).isTrue();

        ItemHistoryResponse history =
                api.get(
                                "/api/v1/vaults/" + s.vault() + "/items/" + itemId + "/history",
                                s.alice().token)
                        .as(ItemHistoryResponse.class);
        assertThat(history.revisions())
                .extracting(ItemResponse::revision)
                .containsExactly(3L, 2L, 1L);
        assertThat(
                        api.get(
                                        "/api/v1/vaults/"
                                                + s.vault()
                                                + "/items/"
                                                + itemId
                                                + "/history?limit=1",
                                        s.alice().token)
                                .as(ItemHistoryResponse.class)
                                .revisions())
                .hasSize(1);

        Api.Response restored =
                api.post(
                        "/api/v1/vaults/" + s.vault() + "/items/" + itemId + "/restore",
                        s.alice().token,
                        new RestoreItemRequest(1L, 3L, Randoms.bytes(64), 0L));
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        ItemResponse r = restored.as(ItemResponse.class);
        assertThat(r.revision()).isEqualTo(4);
        assertThat(r.deleted()).isFalse();
        assertThat(r.content()).isEqualTo(v1.content());
    }

    @Test
    void historyKeepsTheConfiguredDepth() throws Exception {
        try (TestServer shallow =
                TestServer.start(
                        backend,
                        Files.createTempDirectory("shallow"),
                        c -> c.withLimits(c.maxItemBytes(), c.maxRequestBytes(), 3))) {
            Api a = shallow.api();
            TestUser u = new TestUser("depth").register(a).login(a);
            TestTeam t = new TestTeam(a).create(u);
            UUID vault = t.createVault(u);
            UUID item = UUID.randomUUID();
            TestTeam.created(TestTeam.createItem(a, u, vault, item, 1));
            for (long rev = 1; rev < 6; rev++) {
                assertThat(TestTeam.updateItem(a, u, vault, item, rev, 1, false).status())
                        .isEqualTo(200);
            }
            assertThat(
                            a.get(
                                            "/api/v1/vaults/"
                                                    + vault
                                                    + "/items/"
                                                    + item
                                                    + "/history",
                                            u.token)
                                    .as(ItemHistoryResponse.class)
                                    .revisions())
                    .extracting(ItemResponse::revision)
                    .containsExactly(6L, 5L, 4L);
        }
    }

    @Test
    void signedHeadsOnlyMoveForward() {
        Setup s = setup();
        String path = "/api/v1/vaults/" + s.vault() + "/head";
        assertThat(api.get(path, s.bob().token).status()).isEqualTo(404);
        Api.Response put =
                api.put(
                        path,
                        s.alice().token,
                        new VaultHeadRequest(5L, 1, Randoms.bytes(32), 0, 1L, Randoms.bytes(64)));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        VaultHeadResponse head = api.get(path, s.bob().token).as(VaultHeadResponse.class);
        assertThat(head.counter()).isEqualTo(5);
        assertThat(head.authorId()).isEqualTo(s.alice().id);
        Api.Response older =
                api.put(
                        path,
                        s.alice().token,
                        new VaultHeadRequest(5L, 1, Randoms.bytes(32), 0, 1L, Randoms.bytes(64)));
        assertThat(older.status()).isEqualTo(409);
        assertThat(older.json().path("error").path("currentRevision").asLong()).isEqualTo(5);
        assertThat(
                        api.put(
                                        path,
                                        s.bob().token,
                                        new VaultHeadRequest(
                                                6L, 1, Randoms.bytes(32), 0, 1L, Randoms.bytes(64)))
                                .status())
                .isEqualTo(403);
    }

    @Test
    void changesSinceACursorArePaginatedAndComplete() {
        Setup s = setup();
        Set<UUID> created = new HashSet<>();
        created.addAll(createdItems(s, 25));
        UUID deleted = created.iterator().next();
        assertThat(TestTeam.updateItem(api, s.alice(), s.vault(), deleted, 1, 1, true).status())
                .isEqualTo(200);

        Set<UUID> seen = new HashSet<>();
        long cursor = 0;
        int pages = 0;
        boolean tombstoneSeen = false;
        boolean wrapSeen = false;
        while (true) {
            ChangesResponse c =
                    api.get(
                                    "/api/v1/vaults/"
                                            + s.vault()
                                            + "/changes?since="
                                            + cursor
                                            + "&limit=10&logAfter=0",
                                    s.bob().token)
                            .as(ChangesResponse.class);
            pages++;
            for (ItemResponse item : c.items()) {
                assertThat(item.changeSeq()).isGreaterThan(cursor);
                seen.add(item.itemId());
                tombstoneSeen |= item.deleted() && item.itemId().equals(deleted);
            }
            wrapSeen |= !c.wraps().isEmpty();
            if (pages == 1) {
                assertThat(c.logEntries()).hasSize(3);
            }
            assertThat(c.cursor()).isGreaterThanOrEqualTo(cursor);
            cursor = c.cursor();
            if (!c.hasMore()) {
                break;
            }
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).isEqualTo(created);
        assertThat(tombstoneSeen).isTrue();
        assertThat(wrapSeen).isTrue();
        ChangesResponse none =
                api.get("/api/v1/vaults/" + s.vault() + "/changes?since=" + cursor, s.bob().token)
                        .as(ChangesResponse.class);
        assertThat(none.items()).isEmpty();
        assertThat(none.cursor()).isEqualTo(cursor);
    }

    @Test
    void theServerRefusesForgedMisplacedOrUnauthorisedLogEntries() {
        Setup s = setup();
        TestTeam team = s.team();
        TestUser carol = new TestUser("carol").register(api).login(api);
        List<String> before = server.snapshot();

        // a member may not add members
        Api.Response notPermitted =
                team.append(
                        s.bob(),
                        new LogAction.AddMember(carol.bundle(), Role.ADMIN, "x", null),
                        null,
                        List.of());
        assertThat(notPermitted.status()).as(notPermitted.body()).isEqualTo(403);
        // a stale sequence number
        SignedLogEntry stale =
                team.sign(
                        s.alice(),
                        1,
                        new byte[32],
                        new LogAction.ChangeRole(s.bob().id.toString(), Role.ADMIN));
        assertThat(
                        team.append(
                                        s.alice(),
                                        stale,
                                        new AppendLogRequest(stale, null, List.of(), List.of()))
                                .status())
                .isEqualTo(409);
        // a broken chain at the right sequence
        SignedLogEntry fork =
                team.sign(
                        s.alice(),
                        team.seq() + 1,
                        Randoms.bytes(32),
                        new LogAction.ChangeRole(s.bob().id.toString(), Role.ADMIN));
        assertThat(
                        team.append(
                                        s.alice(),
                                        fork,
                                        new AppendLogRequest(fork, null, List.of(), List.of()))
                                .status())
                .isEqualTo(409);
        // a signature by someone else than the named author
        SignedLogEntry forged =
                team.next(s.alice(), new LogAction.ChangeRole(s.bob().id.toString(), Role.ADMIN));
        SignedLogEntry swapped =
                new SignedLogEntry(
                        forged.body(),
                        team.next(
                                        s.bob(),
                                        new LogAction.ChangeRole(s.bob().id.toString(), Role.ADMIN))
                                .signature());
        Api.Response badSig =
                team.append(
                        s.alice(),
                        swapped,
                        new AppendLogRequest(swapped, null, List.of(), List.of()));
        assertThat(badSig.status()).as(badSig.body()).isEqualTo(400);
        // uploading someone else's entry
        assertThat(
                        team.append(
                                        s.bob(),
                                        forged,
                                        new AppendLogRequest(forged, null, List.of(), List.of()))
                                .status())
                .isEqualTo(403);
        // a wrap that does not match the digest in the signed entry
        UUID vaultId = UUID.randomUUID();
        byte[] wrap = Randoms.bytes(80);
        Api.Response substituted =
                team.append(
                        s.alice(),
                        new LogAction.CreateVault(vaultId.toString(), TestTeam.digest(wrap)),
                        Randoms.bytes(10),
                        List.of(new KeyWrapUpload(1, s.alice().id.toString(), Randoms.bytes(80))));
        assertThat(substituted.status()).isEqualTo(400);
        // garbage
        SignedLogEntry junk = new SignedLogEntry("bm90IGpzb24", "AAAA");
        assertThat(
                        team.append(
                                        s.alice(),
                                        junk,
                                        new AppendLogRequest(junk, null, List.of(), List.of()))
                                .status())
                .isEqualTo(400);
        // outsiders see no team
        SignedLogEntry outsider =
                team.next(carol, new LogAction.RemoveMember(s.bob().id.toString()));
        assertThat(
                        team.append(
                                        carol,
                                        outsider,
                                        new AppendLogRequest(outsider, null, List.of(), List.of()))
                                .status())
                .isEqualTo(404);
        assertThat(server.snapshot()).isEqualTo(before);
    }

    @Test
    void aKeyRotationRewrapsEveryItemInOneTransaction() {
        Setup s = setup();
        List<UUID> items = new ArrayList<>();
        items.addAll(createdItems(s, 3));
        Map<String, byte[]> wraps = new LinkedHashMap<>();
        wraps.put(s.alice().id.toString(), Randoms.bytes(80));
        wraps.put(s.bob().id.toString(), Randoms.bytes(80));
        LogAction rotate =
                new LogAction.RotateVaultKey(s.vault().toString(), 2, TestTeam.digests(wraps));
        List<KeyWrapUpload> uploads = new ArrayList<>();
        wraps.forEach((k, v) -> uploads.add(new KeyWrapUpload(2, k, v)));

        // leaving an item out is refused and changes nothing
        List<String> before = server.snapshot();
        SignedLogEntry entry = s.team().next(s.alice(), rotate);
        List<ItemRewrap> partial =
                List.of(new ItemRewrap(items.get(0), 1L, Randoms.bytes(72), Randoms.bytes(64)));
        assertThat(
                        s.team()
                                .append(
                                        s.alice(),
                                        entry,
                                        new AppendLogRequest(entry, null, uploads, partial))
                                .status())
                .isEqualTo(400);
        assertThat(server.snapshot()).isEqualTo(before);

        List<ItemRewrap> all = new ArrayList<>();
        for (UUID id : items) {
            all.add(new ItemRewrap(id, 1L, Randoms.bytes(72), Randoms.bytes(64)));
        }
        Api.Response ok =
                s.team().append(s.alice(), entry, new AppendLogRequest(entry, null, uploads, all));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        for (UUID id : items) {
            ItemResponse item =
                    api.get("/api/v1/vaults/" + s.vault() + "/items/" + id, s.bob().token)
                            .as(ItemResponse.class);
            assertThat(item.keyVersion()).isEqualTo(2);
            assertThat(item.revision()).isEqualTo(2);
        }
        assertThat(
                        api.get("/api/v1/vaults/" + s.vault() + "/keys", s.bob().token)
                                .as(VaultKeysResponse.class)
                                .wraps())
                .hasSize(2);
        // writes under the old key version are now refused
        assertThat(
                        TestTeam.updateItem(api, s.alice(), s.vault(), items.get(0), 2, 1, false)
                                .status())
                .isEqualTo(409);
        assertThat(
                        TestTeam.updateItem(api, s.alice(), s.vault(), items.get(0), 2, 2, false)
                                .status())
                .isEqualTo(200);
    }

    @Test
    void aKeyRotationKeepsContentAndChangeOrderAndRefusesStaleOrRepeatedItems() {
        Setup s = setup();
        List<UUID> items = new ArrayList<>();
        items.addAll(createdItems(s, 4));
        assertThat(
                        TestTeam.updateItem(api, s.alice(), s.vault(), items.get(0), 1, 1, false)
                                .status())
                .isEqualTo(200);
        UUID tombstone = items.remove(3);
        assertThat(TestTeam.updateItem(api, s.alice(), s.vault(), tombstone, 1, 1, true).status())
                .isEqualTo(200);
        Map<UUID, ItemResponse> was = new HashMap<>();
        for (UUID id : items) {
            was.put(
                    id,
                    api.get("/api/v1/vaults/" + s.vault() + "/items/" + id, s.alice().token)
                            .as(ItemResponse.class));
        }
        String changes = "/api/v1/vaults/" + s.vault() + "/changes?since=";
        long cursor = api.get(changes + 0, s.alice().token).as(ChangesResponse.class).cursor();
        Map<String, byte[]> wraps = new LinkedHashMap<>();
        wraps.put(s.alice().id.toString(), Randoms.bytes(80));
        wraps.put(s.bob().id.toString(), Randoms.bytes(80));
        List<KeyWrapUpload> uploads = new ArrayList<>();
        wraps.forEach((k, v) -> uploads.add(new KeyWrapUpload(2, k, v)));
        SignedLogEntry entry =
                s.team()
                        .next(
                                s.alice(),
                                new LogAction.RotateVaultKey(
                                        s.vault().toString(), 2, TestTeam.digests(wraps)));
        List<ItemRewrap> all = new ArrayList<>();
        for (UUID id : items) {
            all.add(
                    new ItemRewrap(
                            id, was.get(id).revision(), Randoms.bytes(72), Randoms.bytes(64)));
        }
        List<String> before = server.snapshot();

        // an item that moved on since the rotator read it: 409 with its revision, nothing stored
        List<ItemRewrap> stale = new ArrayList<>(all);
        stale.set(0, new ItemRewrap(items.get(0), 1L, Randoms.bytes(72), Randoms.bytes(64)));
        Api.Response conflict =
                s.team()
                        .append(
                                s.alice(),
                                entry,
                                new AppendLogRequest(entry, null, uploads, stale));
        assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
        assertThat(server.snapshot()).isEqualTo(before);
        // an item named twice: 400, nothing stored
        List<ItemRewrap> twice = new ArrayList<>(all);
        twice.add(all.get(1));
        assertThat(
                        s.team()
                                .append(
                                        s.alice(),
                                        entry,
                                        new AppendLogRequest(entry, null, uploads, twice))
                                .status())
                .isEqualTo(400);
        assertThat(server.snapshot()).isEqualTo(before);

        Api.Response ok =
                s.team().append(s.alice(), entry, new AppendLogRequest(entry, null, uploads, all));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        // the wraps, then every re-wrapped item in the order sent, one change position each
        ChangesResponse after =
                api.get(changes + cursor, s.alice().token).as(ChangesResponse.class);
        assertThat(after.items()).extracting(ItemResponse::itemId).containsExactlyElementsOf(items);
        assertThat(after.cursor()).isEqualTo(cursor + wraps.size() + items.size());
        for (int i = 0; i < items.size(); i++) {
            ItemResponse r = after.items().get(i);
            ItemRewrap sent = all.get(i);
            assertThat(r.changeSeq()).isEqualTo(cursor + wraps.size() + i + 1);
            assertThat(r.revision()).isEqualTo(sent.expectedRevision() + 1);
            assertThat(r.keyVersion()).isEqualTo(2);
            assertThat(r.itemKeyWrap()).isEqualTo(sent.itemKeyWrap());
            assertThat(r.signature()).isEqualTo(sent.signature());
            assertThat(r.authorId()).isEqualTo(s.alice().id);
            assertThat(r.content()).isEqualTo(was.get(r.itemId()).content());
            List<ItemResponse> history =
                    api.get(
                                    "/api/v1/vaults/"
                                            + s.vault()
                                            + "/items/"
                                            + r.itemId()
                                            + "/history",
                                    s.alice().token)
                            .as(ItemHistoryResponse.class)
                            .revisions();
            assertThat(history.get(0).revision()).isEqualTo(r.revision());
            assertThat(history.get(0).content()).isEqualTo(r.content());
            assertThat(history.get(0).itemKeyWrap()).isEqualTo(sent.itemKeyWrap());
            assertThat(history).hasSize((int) r.revision());
        }
        ItemResponse dead =
                api.get("/api/v1/vaults/" + s.vault() + "/items/" + tombstone, s.alice().token)
                        .as(ItemResponse.class);
        assertThat(dead.deleted()).isTrue();
        assertThat(dead.keyVersion()).isEqualTo(1);
    }

    @Test
    void concurrentCheckAndSetLosesNoUpdate() throws Exception {
        Setup s = setup();
        List<UUID> items = new ArrayList<>();
        items.addAll(createdItems(s, 4));
        AtomicInteger successes = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            int client = c;
            futures.add(
                    pool.submit(
                            () -> {
                                for (int n = 0; n < 5; n++) {
                                    UUID item = items.get((client + n) % items.size());
                                    long rev =
                                            api.get(
                                                            "/api/v1/vaults/"
                                                                    + s.vault()
                                                                    + "/items/"
                                                                    + item,
                                                            s.alice().token)
                                                    .as(ItemResponse.class)
                                                    .revision();
                                    Api.Response r =
                                            TestTeam.updateItem(
                                                    api, s.alice(), s.vault(), item, rev, 1, false);
                                    if (r.status() == 200) {
                                        successes.incrementAndGet();
                                    } else {
                                        assertThat(r.status()).as(r.body()).isEqualTo(409);
                                        conflicts.incrementAndGet();
                                    }
                                }
                                return null;
                            }));
        }
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        long totalRevisions = 0;
        for (UUID item : items) {
            totalRevisions +=
                    api.get("/api/v1/vaults/" + s.vault() + "/items/" + item, s.alice().token)
                                    .as(ItemResponse.class)
                                    .revision()
                            - 1;
        }
        assertThat(successes.get() + conflicts.get()).isEqualTo(100);
        assertThat(totalRevisions).isEqualTo(successes.get());
    }

    /** Creates {@code n} items in the setup's vault as Alice, each at revision 1. */
    private List<UUID> createdItems(Setup s, int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            TestTeam.created(TestTeam.createItem(api, s.alice(), s.vault(), id, 1));
        }
        return ids;
    }
}
