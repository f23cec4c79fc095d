package dev.strongroom.server.vaults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.wire.AppendLogRequest;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.CreateItemRequest;
import dev.strongroom.model.wire.CreateTeamRequest;
import dev.strongroom.model.wire.RestoreItemRequest;
import dev.strongroom.model.wire.UpdateItemRequest;
import dev.strongroom.model.wire.UpdateVaultMetadataRequest;
import dev.strongroom.model.wire.VaultHeadRequest;
import dev.strongroom.server.testing.Api;
import dev.strongroom.server.testing.Backend;
import dev.strongroom.server.testing.BadInputTable;
import dev.strongroom.server.testing.BadInputTable.Case;
import dev.strongroom.server.testing.TestServer;
import dev.strongroom.server.testing.TestTeam;
import dev.strongroom.server.testing.TestUser;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The bad-input table of the team, vault and item endpoints; nothing may change in the DB. */
@ParameterizedClass
@EnumSource(Backend.class)
class VaultBadInputTest {

    @Parameter Backend backend;

    private static TestServer server;
    private static Api api;
    private static TestUser alice;
    private static TestUser bob;
    private static TestUser carol;
    private static TestTeam team;
    private static UUID vault;
    private static UUID item;
    private static String revoked;

    @BeforeParameterizedClassInvocation
    static void start(Backend backend) throws Exception {
        server = TestServer.start(backend, Files.createTempDirectory("vault-bad"));
        api = server.api();
        alice = new TestUser("alice").register(api).login(api);
        revoked = alice.token;
        api.post("/api/v1/logout", revoked, "{}");
        alice.login(api);
        bob = new TestUser("bob").register(api).login(api);
        carol = new TestUser("carol").register(api).login(api);
        team = new TestTeam(api).create(alice);
        vault = team.createVault(alice);
        team.addMember(alice, bob, Role.MEMBER);
        team.grant(alice, vault, bob, Permission.READ, 1);
        item = UUID.randomUUID();
        TestTeam.created(TestTeam.createItem(api, alice, vault, item, 1));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> everyBadRequestIsRefusedAndChangesNothing() {
        return cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> BadInputTable.check(server, c)));
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String v = "/api/v1/vaults/" + vault;
        String i = v + "/items/" + item;
        String createBody =
                BadInputTable.json(
                        new CreateItemRequest(
                                UUID.randomUUID(),
                                1,
                                Randoms.bytes(72),
                                Randoms.bytes(100),
                                Randoms.bytes(64),
                                0L));
        String updateBody =
                BadInputTable.json(
                        new UpdateItemRequest(
                                1L,
                                1,
                                Randoms.bytes(72),
                                Randoms.bytes(100),
                                false,
                                Randoms.bytes(64),
                                0L));
        String restoreBody =
                BadInputTable.json(new RestoreItemRequest(1L, 1L, Randoms.bytes(64), 0L));
        String headBody =
                BadInputTable.json(
                        new VaultHeadRequest(1L, 1, Randoms.bytes(32), 1, 0L, Randoms.bytes(64)));
        String metaBody = BadInputTable.json(new UpdateVaultMetadataRequest(1L, Randoms.bytes(30)));
        SignedLogEntry next =
                team.next(alice, new LogAction.ChangeRole(bob.id.toString(), Role.ADMIN));
        String appendBody =
                BadInputTable.json(new AppendLogRequest(next, null, List.of(), List.of()));
        TestTeam fresh = new TestTeam(api);
        String teamBody =
                BadInputTable.json(
                        new CreateTeamRequest(
                                fresh.id,
                                fresh.next(
                                        alice,
                                        new LogAction.CreateTeam(
                                                null,
                                                alice.bundle(),
                                                fresh.sealedName(alice, alice)))));

        String[][] bodies = {
            {"POST", v + "/items", createBody},
            {"PUT", i, updateBody},
            {"POST", i + "/restore", restoreBody},
            {"PUT", v + "/head", headBody},
            {"PUT", v + "/metadata", metaBody},
            {"POST", "/api/v1/teams/" + team.id + "/log", appendBody},
            {"POST", "/api/v1/teams", teamBody},
        };
        for (String[] b : bodies) {
            String n =
                    b[0] + " " + b[1].replace(vault.toString(), "V").replace(item.toString(), "I");
            // the log route takes rotations (64 MiB): 3 MB is not oversized there
            cases.addAll(
                    BadInputTable.bodyCases(
                            n,
                            b[0],
                            b[1],
                            alice.token,
                            revoked,
                            b[2],
                            b[1].endsWith("/log") ? 400 : 413));
        }
        for (String[] g :
                new String[][] {
                    {"GET", v},
                    {"GET", v + "/keys"},
                    {"GET", i},
                    {"GET", i + "/history"},
                    {"GET", v + "/head"},
                    {"GET", v + "/changes"},
                    {"GET", "/api/v1/teams/" + team.id + "/log"}
                }) {
            String n =
                    g[0] + " " + g[1].replace(vault.toString(), "V").replace(item.toString(), "I");
            cases.add(new Case(n + " outsider", g[0], g[1], carol.token, null, 404, "not_found"));
            cases.add(new Case(n + " no token", g[0], g[1], null, null, 401, "unauthenticated"));
            cases.add(
                    new Case(
                            n + " revoked token",
                            g[0],
                            g[1],
                            revoked,
                            null,
                            401,
                            "session_expired"));
        }
        String unknownVault = "/api/v1/vaults/" + UUID.randomUUID();
        cases.add(
                new Case(
                        "unknown vault", "GET", unknownVault, alice.token, null, 404, "not_found"));
        cases.add(
                new Case(
                        "unknown vault item create",
                        "POST",
                        unknownVault + "/items",
                        alice.token,
                        createBody,
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "unknown item",
                        "GET",
                        v + "/items/" + UUID.randomUUID(),
                        alice.token,
                        null,
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "unknown item update",
                        "PUT",
                        v + "/items/" + UUID.randomUUID(),
                        alice.token,
                        updateBody,
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "item in another vault's path",
                        "GET",
                        unknownVault + "/items/" + item,
                        alice.token,
                        null,
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "invalid vault id",
                        "GET",
                        "/api/v1/vaults/not-a-uuid",
                        alice.token,
                        null,
                        400,
                        "invalid_id"));
        cases.add(
                new Case(
                        "SQL in vault id",
                        "GET",
                        "/api/v1/vaults/1'%20OR%20'1'='1/keys",
                        alice.token,
                        null,
                        400,
                        "invalid_id"));
        cases.add(
                new Case(
                        "unicode vault id",
                        "GET",
                        "/api/v1/vaults/%E2%80%AE" + vault,
                        alice.token,
                        null,
                        400,
                        "invalid_id"));
        cases.add(
                new Case(
                        "invalid item id",
                        "PUT",
                        v + "/items/xyz",
                        alice.token,
                        updateBody,
                        400,
                        "invalid_id"));
        cases.add(new Case("outsider writes", "PUT", i, carol.token, updateBody, 404, "not_found"));
        cases.add(new Case("reader writes", "PUT", i, bob.token, updateBody, 403, "forbidden"));
        cases.add(
                new Case(
                        "reader creates",
                        "POST",
                        v + "/items",
                        bob.token,
                        createBody,
                        403,
                        "forbidden"));
        cases.add(
                new Case(
                        "reader restores",
                        "POST",
                        i + "/restore",
                        bob.token,
                        restoreBody,
                        403,
                        "forbidden"));
        cases.add(
                new Case(
                        "reader signs head",
                        "PUT",
                        v + "/head",
                        bob.token,
                        headBody,
                        403,
                        "forbidden"));
        cases.add(
                new Case(
                        "reader renames",
                        "PUT",
                        v + "/metadata",
                        bob.token,
                        metaBody,
                        403,
                        "forbidden"));
        cases.add(
                new Case(
                        "negative revision",
                        "PUT",
                        i,
                        alice.token,
                        BadInputTable.mutate(updateBody, o -> o.put("expectedRevision", -1)),
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "zero revision",
                        "PUT",
                        i,
                        alice.token,
                        BadInputTable.mutate(updateBody, o -> o.put("expectedRevision", 0)),
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "huge revision",
                        "PUT",
                        i,
                        alice.token,
                        BadInputTable.mutate(
                                updateBody, o -> o.put("expectedRevision", Long.MAX_VALUE)),
                        409,
                        "revision_conflict"));
        cases.add(
                new Case(
                        "overflowing revision",
                        "PUT",
                        i,
                        alice.token,
                        updateBody.replace(
                                "\"expectedRevision\":1",
                                "\"expectedRevision\":99999999999999999999"),
                        400,
                        "wrong_type"));
        cases.add(
                new Case(
                        "stale revision",
                        "PUT",
                        i,
                        alice.token,
                        BadInputTable.mutate(updateBody, o -> o.put("expectedRevision", 7)),
                        409,
                        "revision_conflict"));
        cases.add(
                new Case(
                        "content over 1 MiB",
                        "PUT",
                        i,
                        alice.token,
                        BadInputTable.mutate(
                                updateBody,
                                o -> o.put("content", Base64Url.encode(new byte[(1 << 20) + 1]))),
                        413,
                        "payload_too_large"));
        cases.add(
                new Case(
                        "empty content",
                        "PUT",
                        i,
                        alice.token,
                        BadInputTable.mutate(updateBody, o -> o.put("content", "")),
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "short signature",
                        "PUT",
                        i,
                        alice.token,
                        BadInputTable.mutate(
                                updateBody,
                                o -> o.put("signature", Base64Url.encode(new byte[10]))),
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "tombstone with content",
                        "PUT",
                        i,
                        alice.token,
                        BadInputTable.mutate(updateBody, o -> o.put("deleted", true)),
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "key version zero",
                        "PUT",
                        i,
                        alice.token,
                        BadInputTable.mutate(updateBody, o -> o.put("keyVersion", 0)),
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "future key version",
                        "PUT",
                        i,
                        alice.token,
                        BadInputTable.mutate(updateBody, o -> o.put("keyVersion", 7)),
                        409,
                        "conflict"));
        cases.add(
                new Case(
                        "future log position",
                        "PUT",
                        i,
                        alice.token,
                        BadInputTable.mutate(updateBody, o -> o.put("logSeq", 99)),
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "negative log position",
                        "PUT",
                        i,
                        alice.token,
                        BadInputTable.mutate(updateBody, o -> o.put("logSeq", -1)),
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "duplicate item id",
                        "POST",
                        v + "/items",
                        alice.token,
                        BadInputTable.mutate(createBody, o -> o.put("itemId", item.toString())),
                        409,
                        "already_exists"));
        cases.add(
                new Case(
                        "restore unknown revision",
                        "POST",
                        i + "/restore",
                        alice.token,
                        BadInputTable.mutate(restoreBody, o -> o.put("fromRevision", 50)),
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "restore revision zero",
                        "POST",
                        i + "/restore",
                        alice.token,
                        BadInputTable.mutate(restoreBody, o -> o.put("fromRevision", 0)),
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "head counter zero",
                        "PUT",
                        v + "/head",
                        alice.token,
                        BadInputTable.mutate(headBody, o -> o.put("counter", 0)),
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "head digest short",
                        "PUT",
                        v + "/head",
                        alice.token,
                        BadInputTable.mutate(
                                headBody,
                                o -> o.put("itemsDigest", Base64Url.encode(new byte[31]))),
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "metadata stale",
                        "PUT",
                        v + "/metadata",
                        alice.token,
                        BadInputTable.mutate(metaBody, o -> o.put("expectedRevision", 9)),
                        409,
                        "revision_conflict"));
        cases.add(
                new Case(
                        "changes negative cursor",
                        "GET",
                        v + "/changes?since=-1",
                        alice.token,
                        null,
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "changes text cursor",
                        "GET",
                        v + "/changes?since=abc",
                        alice.token,
                        null,
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "history SQL limit",
                        "GET",
                        i + "/history?limit=1;DROP",
                        alice.token,
                        null,
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "log to unknown team",
                        "POST",
                        "/api/v1/teams/" + UUID.randomUUID() + "/log",
                        alice.token,
                        appendBody,
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "log invalid team id",
                        "POST",
                        "/api/v1/teams/abc/log",
                        alice.token,
                        appendBody,
                        400,
                        "invalid_id"));
        cases.add(
                new Case(
                        "log entry not base64",
                        "POST",
                        "/api/v1/teams/" + team.id + "/log",
                        alice.token,
                        BadInputTable.mutate(
                                appendBody, o -> ((ObjectNode) o.get("entry")).put("body", "!!!")),
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "log entry with stray wrap",
                        "POST",
                        "/api/v1/teams/" + team.id + "/log",
                        alice.token,
                        BadInputTable.mutate(
                                appendBody,
                                o ->
                                        o.putArray("wraps")
                                                .addObject()
                                                .put("keyVersion", 1)
                                                .put("recipientId", bob.id.toString())
                                                .put("wrap", "AAAA")),
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "team genesis for another id",
                        "POST",
                        "/api/v1/teams",
                        alice.token,
                        BadInputTable.mutate(
                                teamBody, o -> o.put("teamId", UUID.randomUUID().toString())),
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "team genesis by someone else",
                        "POST",
                        "/api/v1/teams",
                        bob.token,
                        teamBody,
                        403,
                        "forbidden"));
        SignedLogEntry dupGenesis =
                team.sign(
                        alice,
                        0,
                        new byte[32],
                        new LogAction.CreateTeam(
                                null, alice.bundle(), team.sealedName(alice, alice)));
        cases.add(
                new Case(
                        "existing team",
                        "POST",
                        "/api/v1/teams",
                        alice.token,
                        BadInputTable.json(new CreateTeamRequest(team.id, dupGenesis)),
                        409,
                        "already_exists"));
        TestUser stranger = new TestUser("stranger");
        TestTeam other = new TestTeam(api);
        cases.add(
                new Case(
                        "genesis with an unregistered founder bundle",
                        "POST",
                        "/api/v1/teams",
                        alice.token,
                        BadInputTable.json(
                                new CreateTeamRequest(
                                        other.id,
                                        other.sign(
                                                alice,
                                                0,
                                                new byte[32],
                                                new LogAction.CreateTeam(
                                                        null,
                                                        stranger.bundle(),
                                                        team.sealedName(stranger, stranger))))),
                        400,
                        null));
        return cases;
    }
}
