package dev.strongroom.server.machines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.MachineCreateRequest;
import dev.strongroom.model.wire.MachineRevokeRequest;
import dev.strongroom.model.wire.MachineSecretRequest;
import dev.strongroom.model.wire.MachineTokens;
import dev.strongroom.server.testing.Api;
import dev.strongroom.server.testing.Backend;
import dev.strongroom.server.testing.BadInputTable;
import dev.strongroom.server.testing.BadInputTable.Case;
import dev.strongroom.server.testing.TestMachine;
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

/** The bad-input table of the machine-account endpoints; nothing may change in the DB. */
@ParameterizedClass
@EnumSource(Backend.class)
class MachineBadInputTest {

    @Parameter Backend backend;

    private static TestServer server;
    private static Api api;
    private static TestUser alice;
    private static TestUser bob;
    private static TestUser carol;
    private static TestTeam team;
    private static TestTeam carols;
    private static TestMachine machine;
    private static TestMachine revokedMachine;
    private static TestMachine carolsMachine;
    private static String revokedSession;

    @BeforeParameterizedClassInvocation
    static void start(Backend backend) throws Exception {
        server = TestServer.start(backend, Files.createTempDirectory("machine-bad"));
        api = server.api();
        alice = new TestUser("alice").register(api).login(api);
        revokedSession = alice.token;
        api.post("/api/v1/logout", revokedSession, "{}");
        alice.login(api);
        bob = new TestUser("bob").register(api).login(api);
        carol = new TestUser("carol").register(api).login(api);
        team = new TestTeam(api).create(alice);
        team.addMember(alice, bob, Role.MEMBER);
        machine = new TestMachine();
        machine.create(api, team, alice, null);
        revokedMachine = new TestMachine();
        revokedMachine.create(api, team, alice, null);
        assertThat(revokedMachine.revoke(team, alice).status()).isEqualTo(200);
        carols = new TestTeam(api).create(carol);
        carolsMachine = new TestMachine();
        carolsMachine.create(api, carols, carol, null);
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
        String t = "/api/v1/teams/" + team.id + "/machines";
        String m = t + "/" + machine.id;
        TestMachine fresh = new TestMachine();
        String createBody = BadInputTable.json(fresh.createRequest(team, alice, null));
        SignedLogEntry removal =
                team.next(alice, new LogAction.RemoveMachine(machine.id.toString()));
        String revokeBody = BadInputTable.json(new MachineRevokeRequest(removal));
        String secretBody = BadInputTable.json(new MachineSecretRequest(Randoms.bytes(32)));
        String[][] bodies = {
            {"POST", t, createBody},
            {"POST", m + "/revoke", revokeBody},
            {"PUT", m + "/secret", secretBody}
        };
        for (String[] b : bodies) {
            String n =
                    b[0]
                            + " "
                            + b[1].replace(team.id.toString(), "T")
                                    .replace(machine.id.toString(), "M");
            cases.addAll(
                    BadInputTable.bodyCases(n, b[0], b[1], alice.token, revokedSession, b[2], 413));
            cases.add(
                    new Case(
                            n + " by a machine",
                            b[0],
                            b[1],
                            machine.token,
                            b[2],
                            403,
                            "forbidden"));
            cases.add(new Case(n + " by a member", b[0], b[1], bob.token, b[2], 403, "forbidden"));
            cases.add(
                    new Case(
                            n + " by an outsider",
                            b[0],
                            b[1],
                            carol.token,
                            b[2],
                            // an entry signed by someone else is refused before any lookup
                            b[0].equals("POST") ? 403 : 404,
                            b[0].equals("POST") ? "forbidden" : "not_found"));
        }
        cases.add(new Case("list by a member", "GET", t, bob.token, null, 403, "forbidden"));
        cases.add(new Case("list by an outsider", "GET", t, carol.token, null, 404, "not_found"));
        cases.add(new Case("list by a machine", "GET", t, machine.token, null, 403, "forbidden"));
        cases.add(new Case("list without token", "GET", t, null, null, 401, "unauthenticated"));
        cases.add(
                new Case(
                        "list invalid team",
                        "GET",
                        "/api/v1/teams/x'--/machines",
                        alice.token,
                        null,
                        400,
                        "invalid_id"));
        cases.add(
                new Case(
                        "self by an account",
                        "GET",
                        "/api/v1/machine",
                        alice.token,
                        null,
                        403,
                        "forbidden"));
        cases.add(
                new Case(
                        "self without token",
                        "GET",
                        "/api/v1/machine",
                        null,
                        null,
                        401,
                        "unauthenticated"));
        cases.add(
                new Case(
                        "self revoked",
                        "GET",
                        "/api/v1/machine",
                        revokedMachine.token,
                        null,
                        401,
                        MachineTokens.TOKEN_REVOKED));
        cases.add(
                new Case(
                        "self wrong secret",
                        "GET",
                        "/api/v1/machine",
                        MachineTokens.header(machine.id, Randoms.bytes(32)),
                        null,
                        401,
                        "unauthenticated"));
        cases.add(
                new Case(
                        "self unknown machine",
                        "GET",
                        "/api/v1/machine",
                        MachineTokens.header(UUID.randomUUID(), machine.secret),
                        null,
                        401,
                        "unauthenticated"));
        cases.add(
                new Case(
                        "self short secret",
                        "GET",
                        "/api/v1/machine",
                        "Machine " + machine.id + "." + Base64Url.encode(Randoms.bytes(31)),
                        null,
                        401,
                        "unauthenticated"));
        cases.add(
                new Case(
                        "self SQL credential",
                        "GET",
                        "/api/v1/machine",
                        "Machine ' OR 1=1 --",
                        null,
                        401,
                        "unauthenticated"));

        cases.add(
                new Case(
                        "empty name",
                        "POST",
                        t,
                        alice.token,
                        BadInputTable.mutate(createBody, o -> o.put("name", "")),
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "long name",
                        "POST",
                        t,
                        alice.token,
                        BadInputTable.mutate(createBody, o -> o.put("name", "n".repeat(101))),
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "control character in name",
                        "POST",
                        t,
                        alice.token,
                        BadInputTable.mutate(createBody, o -> o.put("name", "a\u0000b")),
                        400,
                        null));
        cases.add(
                new Case(
                        "short secret hash",
                        "POST",
                        t,
                        alice.token,
                        BadInputTable.mutate(
                                createBody,
                                o -> o.put("secretHash", Base64Url.encode(new byte[31]))),
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "secret hash not base64",
                        "POST",
                        t,
                        alice.token,
                        BadInputTable.mutate(createBody, o -> o.put("secretHash", "!!")),
                        400,
                        null));
        cases.add(
                new Case(
                        "entry not add_machine",
                        "POST",
                        t,
                        alice.token,
                        BadInputTable.json(
                                new MachineCreateRequest(
                                        team.next(
                                                alice,
                                                new LogAction.ChangeRole(
                                                        bob.id.toString(), Role.ADMIN)),
                                        "x",
                                        Randoms.bytes(32))),
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "entry for another team",
                        "POST",
                        "/api/v1/teams/" + carols.id + "/machines",
                        alice.token,
                        createBody,
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "entry by someone else",
                        "POST",
                        t,
                        bob.token,
                        createBody,
                        403,
                        "forbidden"));
        cases.add(
                new Case(
                        "stale entry",
                        "POST",
                        t,
                        alice.token,
                        BadInputTable.json(
                                new MachineCreateRequest(
                                        team.sign(
                                                alice,
                                                1,
                                                new byte[32],
                                                new LogAction.AddMachine(
                                                        new TestMachine().identity().bundle(),
                                                        null)),
                                        "x",
                                        Randoms.bytes(32))),
                        409,
                        "conflict"));
        cases.add(
                new Case(
                        "machine already in the team",
                        "POST",
                        t,
                        alice.token,
                        BadInputTable.json(
                                new MachineCreateRequest(
                                        team.next(
                                                alice,
                                                new LogAction.AddMachine(
                                                        machine.identity().bundle(), null)),
                                        "x",
                                        Randoms.bytes(32))),
                        403,
                        null));
        cases.add(
                new Case(
                        "machine id of an account",
                        "POST",
                        t,
                        alice.token,
                        BadInputTable.json(
                                new MachineCreateRequest(
                                        team.next(
                                                alice,
                                                new LogAction.AddMachine(carol.bundle(), null)),
                                        "x",
                                        Randoms.bytes(32))),
                        409,
                        "already_exists"));
        cases.add(
                new Case(
                        "expiry in the past",
                        "POST",
                        t,
                        alice.token,
                        BadInputTable.json(new TestMachine().createRequest(team, alice, 1000L)),
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "secret hash in use",
                        "POST",
                        t,
                        alice.token,
                        BadInputTable.mutate(
                                createBody,
                                o ->
                                        o.put(
                                                "secretHash",
                                                Base64Url.encode(Sha256.hash(machine.secret)))),
                        409,
                        "already_exists"));

        cases.add(
                new Case(
                        "revoke another machine's entry",
                        "POST",
                        t + "/" + revokedMachine.id + "/revoke",
                        alice.token,
                        revokeBody,
                        400,
                        "invalid_request"));
        UUID unknown = UUID.randomUUID();
        cases.add(
                new Case(
                        "revoke unknown machine",
                        "POST",
                        t + "/" + unknown + "/revoke",
                        alice.token,
                        BadInputTable.json(
                                new MachineRevokeRequest(
                                        team.next(
                                                alice,
                                                new LogAction.RemoveMachine(unknown.toString())))),
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "revoke invalid id",
                        "POST",
                        t + "/abc/revoke",
                        alice.token,
                        revokeBody,
                        400,
                        "invalid_id"));
        cases.add(
                new Case(
                        "revoke with an add entry",
                        "POST",
                        m + "/revoke",
                        alice.token,
                        BadInputTable.json(
                                new MachineRevokeRequest(
                                        fresh.createRequest(team, alice, null).entry())),
                        400,
                        "invalid_request"));

        cases.add(
                new Case(
                        "secret of unknown machine",
                        "PUT",
                        t + "/" + unknown + "/secret",
                        alice.token,
                        secretBody,
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "secret of another team's machine",
                        "PUT",
                        t + "/" + carolsMachine.id + "/secret",
                        alice.token,
                        secretBody,
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "secret of a revoked machine",
                        "PUT",
                        t + "/" + revokedMachine.id + "/secret",
                        alice.token,
                        secretBody,
                        409,
                        "conflict"));
        cases.add(
                new Case(
                        "secret hash too long",
                        "PUT",
                        m + "/secret",
                        alice.token,
                        BadInputTable.json(new MachineSecretRequest(Randoms.bytes(33))),
                        400,
                        "invalid_request"));
        cases.add(
                new Case(
                        "secret hash of another machine",
                        "PUT",
                        m + "/secret",
                        alice.token,
                        BadInputTable.json(
                                new MachineSecretRequest(Sha256.hash(carolsMachine.secret))),
                        409,
                        "already_exists"));
        return cases;
    }
}
