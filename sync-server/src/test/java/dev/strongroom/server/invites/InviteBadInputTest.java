package dev.strongroom.server.invites;

import static dev.strongroom.server.testing.BadInputTable.json;
import static dev.strongroom.server.testing.BadInputTable.mutate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.InviteAcceptRequest;
import dev.strongroom.model.wire.InviteCreateRequest;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The bad-input table of the invite endpoints: each is a JSON error and changes nothing. */
class InviteBadInputTest {

    private static TestServer server;
    private static Api api;
    private static TestUser alice;
    private static TestUser bob;
    private static TestTeam team;
    private static UUID invite;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Backend.SQLITE, Files.createTempDirectory("invite-bad"));
        api = server.api();
        alice = new TestUser("alice").register(api).login(api);
        bob = new TestUser("bob").register(api).login(api);
        team = new TestTeam(api).create(alice);
        team.addMember(alice, new TestUser("carol").register(api), Role.MEMBER);
        invite = UUID.randomUUID();
        Api.Response r =
                api.post(
                        base(),
                        alice.token,
                        new InviteCreateRequest(invite, bob.email, "member", Randoms.bytes(32)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> everyBadRequestIsRefusedAndChangesNothing() {
        return cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> BadInputTable.check(server, c)));
    }

    private static String base() {
        return "/api/v1/teams/" + team.id + "/invites";
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String create =
                json(
                        new InviteCreateRequest(
                                UUID.randomUUID(), "x@example.test", "member", Randoms.bytes(32)));
        String accept = "/api/v1/invites/" + invite + "/accept";
        String acceptBody = json(new InviteAcceptRequest(Randoms.bytes(32)));
        String[][] bodies = {{"POST", base(), create}, {"POST", accept, acceptBody}};
        for (String[] b : bodies) {
            String n = b[0] + (b[1].endsWith("accept") ? " accept" : " invites");
            String t = b[1].endsWith("accept") ? bob.token : alice.token;
            cases.add(new Case(n + " malformed", b[0], b[1], t, "{\"a\":", 400, "malformed_json"));
            cases.add(new Case(n + " array", b[0], b[1], t, "[]", 400, "malformed_json"));
            cases.add(
                    new Case(
                            n + " unknown field",
                            b[0],
                            b[1],
                            t,
                            mutate(b[2], o -> o.put("x", 1)),
                            400,
                            "unknown_field"));
            cases.add(
                    new Case(
                            n + " missing field",
                            b[0],
                            b[1],
                            t,
                            mutate(b[2], o -> o.remove(o.fieldNames().next())),
                            400,
                            "missing_field"));
            cases.add(
                    new Case(
                            n + " wrong type",
                            b[0],
                            b[1],
                            t,
                            mutate(b[2], o -> o.put(o.fieldNames().next(), true)),
                            400,
                            null));
            cases.add(new Case(n + " no session", b[0], b[1], null, b[2], 401, null));
            cases.add(
                    new Case(
                            n + " short proof",
                            b[0],
                            b[1],
                            t,
                            mutate(b[2], o -> o.put(proofField(o), Base64Url.encode(new byte[31]))),
                            400,
                            null));
            cases.add(
                    new Case(
                            n + " proof not base64url",
                            b[0],
                            b[1],
                            t,
                            mutate(b[2], o -> o.put(proofField(o), "a+b/")),
                            400,
                            null));
        }
        cases.add(
                new Case(
                        "invites bad email",
                        "POST",
                        base(),
                        alice.token,
                        mutate(create, o -> o.put("email", "not an email")),
                        400,
                        null));
        cases.add(
                new Case(
                        "invites owner role",
                        "POST",
                        base(),
                        alice.token,
                        mutate(create, o -> o.put("role", "owner")),
                        400,
                        null));
        cases.add(
                new Case(
                        "invites bad invite id",
                        "POST",
                        base(),
                        alice.token,
                        mutate(create, o -> o.put("inviteId", "x")),
                        400,
                        null));
        cases.add(
                new Case(
                        "invites bad team id",
                        "POST",
                        "/api/v1/teams/nope/invites",
                        alice.token,
                        create,
                        400,
                        "invalid_id"));
        cases.add(
                new Case(
                        "invites unknown team",
                        "POST",
                        "/api/v1/teams/" + UUID.randomUUID() + "/invites",
                        alice.token,
                        create,
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "invites by non-member",
                        "POST",
                        base(),
                        bob.token,
                        create,
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "list bad team id",
                        "GET",
                        "/api/v1/teams/x/invites",
                        alice.token,
                        null,
                        400,
                        "invalid_id"));
        cases.add(new Case("list by non-member", "GET", base(), bob.token, null, 404, "not_found"));
        cases.add(
                new Case(
                        "cancel bad id",
                        "DELETE",
                        base() + "/x",
                        alice.token,
                        null,
                        400,
                        "invalid_id"));
        cases.add(
                new Case(
                        "cancel unknown",
                        "DELETE",
                        base() + "/" + UUID.randomUUID(),
                        alice.token,
                        null,
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "cancel by invitee",
                        "DELETE",
                        base() + "/" + invite,
                        bob.token,
                        null,
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "accept bad id",
                        "POST",
                        "/api/v1/invites/x/accept",
                        bob.token,
                        acceptBody,
                        400,
                        "invalid_id"));
        cases.add(
                new Case(
                        "accept unknown",
                        "POST",
                        "/api/v1/invites/" + UUID.randomUUID() + "/accept",
                        bob.token,
                        acceptBody,
                        404,
                        "not_found"));
        cases.add(
                new Case(
                        "accept by someone else",
                        "POST",
                        accept,
                        alice.token,
                        acceptBody,
                        404,
                        "not_found"));
        cases.add(
                new Case("list mine no session", "GET", "/api/v1/invites", null, null, 401, null));
        return cases;
    }

    private static String proofField(ObjectNode o) {
        return o.has("inviterProof") ? "inviterProof" : "inviteeProof";
    }
}
