package dev.strongroom.server.accountdata;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.wire.PutAccountRecordRequest;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The bad-input table of the account-record endpoint; nothing may change in the DB. */
@ParameterizedClass
@EnumSource(Backend.class)
class AccountRecordBadInputTest {

    @Parameter Backend backend;

    private static TestServer server;
    private static TestUser alice;
    private static TestMachine machine;
    private static String revokedSession;

    @BeforeParameterizedClassInvocation
    static void start(Backend backend) throws Exception {
        server = TestServer.start(backend, Files.createTempDirectory("record-bad"));
        Api api = server.api();
        alice = new TestUser("alice").register(api).login(api);
        revokedSession = alice.token;
        api.post("/api/v1/logout", revokedSession, "{}");
        alice.login(api);
        TestUser bob = new TestUser("bob").register(api).login(api);
        TestTeam team = new TestTeam(api).create(alice);
        team.addMember(alice, bob, Role.MEMBER);
        machine = new TestMachine();
        machine.create(api, team, alice, null);
        api.put(
                AccountRecordApiTest.PATH,
                alice.token,
                new PutAccountRecordRequest(Randoms.bytes(64), 0L));
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
        String p = AccountRecordApiTest.PATH;
        String valid = BadInputTable.json(new PutAccountRecordRequest(Randoms.bytes(64), 1L));
        List<Case> cases =
                new ArrayList<>(
                        BadInputTable.bodyCases(
                                "PUT record", "PUT", p, alice.token, revokedSession, valid, 413));
        String t = alice.token;
        cases.add(new Case("stale version", "PUT", p, t, body(64, 0L), 409, "conflict"));
        cases.add(new Case("future version", "PUT", p, t, body(64, 7L), 409, "conflict"));
        cases.add(new Case("negative version", "PUT", p, t, body(64, -1L), 400, null));
        cases.add(new Case("too short", "PUT", p, t, body(8, 1L), 400, null));
        cases.add(
                new Case(
                        "too long",
                        "PUT",
                        p,
                        t,
                        body(AccountRecordApi.MAX_RECORD + 1, 1L),
                        413,
                        "payload_too_large"));
        cases.add(
                new Case(
                        "not base64url",
                        "PUT",
                        p,
                        t,
                        "{\"record\":\"***\",\"expectedVersion\":1}",
                        400,
                        null));
        String other = "/api/v1/account/records/passwords";
        cases.add(new Case("unknown kind (read)", "GET", other, t, null, 404, "not_found"));
        cases.add(new Case("unknown kind (write)", "PUT", other, t, valid, 404, "not_found"));
        cases.add(new Case("machine reads", "GET", p, machine.token, null, 403, null));
        cases.add(new Case("machine writes", "PUT", p, machine.token, valid, 403, null));
        cases.add(new Case("no token (read)", "GET", p, null, null, 401, "unauthenticated"));
        return cases;
    }

    private static String body(int bytes, long version) {
        return BadInputTable.json(new PutAccountRecordRequest(Randoms.bytes(bytes), version));
    }
}
