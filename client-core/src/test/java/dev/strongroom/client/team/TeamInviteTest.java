package dev.strongroom.client.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.team.TeamFixture.Device;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.model.identity.PublicBundleJson;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.wire.WireJson;
import dev.strongroom.server.StrongroomServer;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authenticating a new member's key out of band: fingerprints and one-time invite codes. */
class TeamInviteTest {

    @TempDir Path dir;

    @Test
    void fingerprintsMatchOnBothSidesAndOnlyAVerifiedKeyIsAdded() throws Exception {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"))) {
            ServerEndpoint endpoint = TestServers.endpoint(server);
            try (Device alice = device(endpoint, "alice");
                    Device bob = device(endpoint, "bob")) {
                String team = alice.teams.createTeam("Platform");
                KeyFingerprint seen = alice.teams.fingerprint(bob.email);
                KeyFingerprint own = bob.teams.myFingerprint();
                assertThat(seen.digits()).isEqualTo(own.digits()).matches("(\\d{5} ){11}\\d{5}");
                assertThat(seen.words()).isEqualTo(own.words()).hasSize(12);
                assertThat(seen.verified()).isFalse();

                assertThatThrownBy(() -> alice.teams.addMember(team, bob.email, Role.MEMBER))
                        .isInstanceOf(UnverifiedKeyException.class);
                String wrong = alice.teams.myFingerprint().digits();
                assertThatThrownBy(() -> alice.teams.verify(bob.email, wrong))
                        .isInstanceOfSatisfying(
                                SecurityAlert.class,
                                a ->
                                        assertThat(a.code())
                                                .isEqualTo(SecurityAlertCode.KEY_SUBSTITUTION));
                assertThat(alice.teams.fingerprint(bob.email).verified()).isFalse();

                KeyFingerprint pinned =
                        alice.teams.verify(bob.email, String.join(" ", own.words()).toUpperCase());
                assertThat(pinned.verified()).isTrue();
                String bobId = alice.teams.addMember(team, bob.email, Role.MEMBER);
                assertThat(bobId).isEqualTo(bob.id);
                assertThat(alice.teams.members(team))
                        .extracting(TeamMember::email, TeamMember::role)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple(alice.email, Role.OWNER),
                                org.assertj.core.groups.Tuple.tuple(bob.email, Role.MEMBER));
                bob.vaults.sync();
                // added by fingerprint: not synced until bob joins, after checking alice's key
                assertThat(bob.teams.teams()).extracting(TeamInfo::teamId).doesNotContain(team);
                assertThat(bob.teams.unjoinedTeams())
                        .extracting(u -> u.teamId(), u -> u.addedBy().email(), u -> u.name())
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(team, alice.email, "Platform"));
                assertThatThrownBy(() -> bob.teams.join(team))
                        .isInstanceOf(UnverifiedKeyException.class);
                TeamFixture.join(bob, alice, team);
                bob.vaults.sync();
                // the name was sealed to bob in his add_member entry
                assertThat(bob.teams.teams())
                        .extracting(TeamInfo::teamId, TeamInfo::name)
                        .contains(org.assertj.core.groups.Tuple.tuple(team, "Platform"));

                // the server now presents another (self-consistent) key for a pinned email
                try (Device carol = device(endpoint, "carol")) {
                    alice.teams.verify(carol.email, carol.teams.myFingerprint().digits());
                    replaceBundle(server, carol);
                    assertThat(alice.teams.fingerprint(carol.email).verified()).isFalse();
                    assertThatThrownBy(() -> alice.teams.addMember(team, carol.email, Role.MEMBER))
                            .isInstanceOfSatisfying(
                                    SecurityAlert.class,
                                    a ->
                                            assertThat(a.code())
                                                    .isEqualTo(
                                                            SecurityAlertCode
                                                                    .UNEXPECTED_KEY_CHANGE));
                    assertThat(alice.teams.members(team)).hasSize(2);
                }
            }
        }
    }

    @Test
    void anInviteCodeAuthenticatesBothSidesAndAWrongCodeOrProofIsRefused() {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"))) {
            ServerEndpoint endpoint = TestServers.endpoint(server);
            try (Device alice = device(endpoint, "alice");
                    Device carol = device(endpoint, "carol");
                    Device dave = device(endpoint, "dave")) {
                String team = alice.teams.createTeam("Platform");
                try (PendingInvite invite = alice.teams.invite(team, carol.email, Role.ADMIN)) {
                    assertThat(new String(invite.code())).matches("([A-Z2-7]{4}-){7}[A-Z2-7]{4}");
                    assertThat(invite.toString()).doesNotContain(new String(invite.code()));
                    try (PendingInvite other = alice.teams.invite(team, dave.email, Role.MEMBER)) {
                        // dave's code is not carol's
                        assertThatThrownBy(() -> carol.teams.accept(other.code().clone()))
                                .isInstanceOf(InviteRejectedException.class);
                    }
                    char[] typo = invite.code().clone();
                    typo[0] = typo[0] == 'A' ? 'B' : 'A';
                    assertThatThrownBy(() -> carol.teams.accept(typo))
                            .isInstanceOf(InviteRejectedException.class);
                    assertThat(alice.teams.completeInvites(team)).isEmpty();

                    String lower = new String(invite.code()).toLowerCase().replace("-", " ");
                    assertThat(carol.teams.accept(lower.toCharArray())).isEqualTo(team);
                }
                assertThat(alice.teams.completeInvites(team)).containsExactly(carol.id);
                // accepting by code was carol's decision: her client syncs the team once the
                // add_member is signed by the inviter the code authenticated
                carol.vaults.sync();
                assertThat(carol.teams.teams())
                        .extracting(TeamInfo::teamId, TeamInfo::name)
                        .contains(org.assertj.core.groups.Tuple.tuple(team, "Platform"));
                assertThat(carol.teams.unjoinedTeams()).isEmpty();
                // her other device learns the accepted invite from the account's sealed record
                try (Device laptop = new Device(endpoint, carol.email, dir.resolve("carol-2"))) {
                    laptop.vaults.sync();
                    assertThat(laptop.teams.teams()).extracting(TeamInfo::teamId).contains(team);
                    assertThat(laptop.teams.unjoinedTeams()).isEmpty();
                }
                assertThat(alice.teams.members(team))
                        .filteredOn(m -> m.email().equals(carol.email))
                        .extracting(TeamMember::role)
                        .containsExactly(Role.ADMIN);
                assertThat(alice.teams.fingerprint(carol.email).verified()).isTrue();
                assertThat(carol.teams.fingerprint(alice.email).verified()).isTrue();
                assertThat(alice.teams.completeInvites(team)).isEmpty();

                // dave answers his invite without the code: alice's client refuses to add him
                var mine = new InviteMailbox(dave.session).mine();
                assertThat(mine).hasSize(1);
                new InviteMailbox(dave.session).accept(mine.get(0).inviteId(), Randoms.bytes(32));
                assertThatThrownBy(() -> alice.teams.completeInvites(team))
                        .isInstanceOfSatisfying(
                                SecurityAlert.class,
                                a ->
                                        assertThat(a.code())
                                                .isEqualTo(SecurityAlertCode.KEY_SUBSTITUTION));
                assertThat(alice.teams.members(team))
                        .extracting(TeamMember::email)
                        .doesNotContain(dave.email);
                assertThat(new InviteMailbox(alice.session).forTeam(team))
                        .filteredOn(v -> v.inviteId().equals(mine.get(0).inviteId()))
                        .extracting(v -> v.status())
                        .containsExactly("cancelled");
            }
        }
    }

    private Device device(ServerEndpoint endpoint, String name) {
        String email = TeamFixture.register(endpoint, name);
        return new Device(endpoint, email, dir.resolve(name));
    }

    /** What a compromised server would do: serve a fresh, self-signed bundle for the account. */
    private static void replaceBundle(StrongroomServer server, Device who) throws Exception {
        try (IdentityKeys other = IdentityKeys.generate()) {
            byte[] json =
                    WireJson.mapper()
                            .writeValueAsBytes(
                                    PublicBundleJson.of(
                                            other.publicBundle(
                                                    who.id,
                                                    who.email,
                                                    System.currentTimeMillis())));
            server.database()
                    .write(
                            tx ->
                                    tx.update(
                                            "UPDATE accounts SET public_bundle = ? WHERE id = ?",
                                            json,
                                            UUID.fromString(who.id)));
        }
    }
}
