package dev.strongroom.server.invites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.wire.InviteAcceptRequest;
import dev.strongroom.model.wire.InviteCreateRequest;
import dev.strongroom.model.wire.InviteListResponse;
import dev.strongroom.model.wire.InviteView;
import dev.strongroom.server.testing.Api;
import dev.strongroom.server.testing.Backend;
import dev.strongroom.server.testing.TestServer;
import dev.strongroom.server.testing.TestTeam;
import dev.strongroom.server.testing.TestUser;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The invite mailbox on both backends: who may do what, once, and that every step is audited. */
class InviteApiTest {

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void inviteAcceptConsumeAndCancelWithTheirRules(Backend backend) {
        try (TestServer server = TestServer.start(backend, dir)) {
            Api api = server.api();
            TestUser alice = new TestUser("alice").register(api).login(api);
            TestUser bob = new TestUser("bob").register(api).login(api);
            TestUser carol = new TestUser("carol").register(api).login(api);
            TestTeam team = new TestTeam(api).create(alice);
            team.addMember(alice, carol, Role.MEMBER);
            String base = "/api/v1/teams/" + team.id + "/invites";
            UUID inviteId = UUID.randomUUID();
            byte[] proof = Randoms.bytes(32);
            InviteCreateRequest create =
                    new InviteCreateRequest(inviteId, bob.email.toUpperCase(), "member", proof);

            // a plain member may not invite; a stranger does not see the team
            assertThat(api.post(base, carol.token, create).status()).isEqualTo(403);
            assertThat(api.post(base, bob.token, create).status()).isEqualTo(404);
            Api.Response created = api.post(base, alice.token, create);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            InviteView v = created.as(InviteView.class);
            assertThat(v.email()).isEqualTo(bob.email);
            assertThat(v.status()).isEqualTo("pending");
            assertThat(v.inviterId()).isEqualTo(alice.id);
            assertThat(v.inviterProof()).isEqualTo(proof);
            assertThat(api.post(base, alice.token, create).errorCode()).isEqualTo("already_exists");

            // only the addressee sees and accepts it
            assertThat(mine(api, carol)).isEmpty();
            assertThat(mine(api, bob)).extracting(InviteView::inviteId).containsExactly(inviteId);
            String accept = "/api/v1/invites/" + inviteId + "/accept";
            byte[] inviteeProof = Randoms.bytes(32);
            assertThat(
                            api.post(accept, carol.token, new InviteAcceptRequest(inviteeProof))
                                    .status())
                    .isEqualTo(404);
            Api.Response accepted =
                    api.post(accept, bob.token, new InviteAcceptRequest(inviteeProof));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            InviteView a = accepted.as(InviteView.class);
            assertThat(a.status()).isEqualTo("accepted");
            assertThat(a.inviteeId()).isEqualTo(bob.id);
            assertThat(a.inviteeProof()).isEqualTo(inviteeProof);
            assertThat(api.post(accept, bob.token, new InviteAcceptRequest(inviteeProof)).status())
                    .isEqualTo(409);

            // the team's admins see it; once the log adds bob it is consumed
            assertThat(api.get(base, carol.token).status()).isEqualTo(403);
            assertThat(team(api, base, alice))
                    .extracting(InviteView::status)
                    .containsExactly("accepted");
            team.addMember(alice, bob, Role.MEMBER);
            assertThat(team(api, base, alice))
                    .extracting(InviteView::status)
                    .containsExactly("consumed");
            assertThat(mine(api, bob)).isEmpty();
            assertThat(api.delete(base + "/" + inviteId, alice.token).status()).isEqualTo(409);

            // a second invite is cancelled and can then not be accepted
            TestUser dave = new TestUser("dave").register(api).login(api);
            UUID second = UUID.randomUUID();
            assertThat(
                            api.post(
                                            base,
                                            alice.token,
                                            new InviteCreateRequest(
                                                    second, dave.email, "admin", Randoms.bytes(32)))
                                    .status())
                    .isEqualTo(201);
            assertThat(api.delete(base + "/" + second, carol.token).status()).isEqualTo(403);
            assertThat(api.delete(base + "/" + second, alice.token).status()).isEqualTo(204);
            assertThat(
                            api.post(
                                            "/api/v1/invites/" + second + "/accept",
                                            dave.token,
                                            new InviteAcceptRequest(Randoms.bytes(32)))
                                    .status())
                    .isEqualTo(409);

            List<String> audited =
                    server.db()
                            .read(
                                    tx ->
                                            tx.query(
                                                    "SELECT action FROM audit_events WHERE"
                                                            + " target_kind = 'invite' ORDER BY seq",
                                                    rs -> rs.getString(1)));
            assertThat(audited)
                    .containsExactly(
                            "invite.create", "invite.accept", "invite.create", "invite.cancel");
        }
    }

    private static List<InviteView> mine(Api api, TestUser u) {
        return api.get("/api/v1/invites", u.token).as(InviteListResponse.class).invites();
    }

    private static List<InviteView> team(Api api, String base, TestUser u) {
        Api.Response r = api.get(base, u.token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(InviteListResponse.class).invites();
    }
}
