package dev.strongroom.client.team;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.team.TeamFixture.Device;
import dev.strongroom.model.log.Role;
import dev.strongroom.server.StrongroomServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gap 3 across devices: a team the account joined on one device (after checking who added it) is
 * synced by its other devices from the account's sealed joined-teams record, without a new join; a
 * team it never joined anywhere stays unjoined everywhere.
 */
class JoinedOnAnotherDeviceTest {

    @TempDir Path dir;

    @Test
    void aSecondDeviceSyncsATeamJoinedOnTheFirstWithoutJoiningAgain() {
        try (StrongroomServer server = TestServers.start(dir.resolve("server"))) {
            ServerEndpoint endpoint = TestServers.endpoint(server);
            String aliceEmail = TeamFixture.register(endpoint, "alice");
            String bobEmail = TeamFixture.register(endpoint, "bob");
            try (Device alice = new Device(endpoint, aliceEmail, dir.resolve("alice"));
                    Device phone = new Device(endpoint, bobEmail, dir.resolve("bob-phone"))) {
                String joined = alice.teams.createTeam("Joined on the phone");
                String never = alice.teams.createTeam("Never joined");
                alice.teams.verify(bobEmail, phone.teams.myFingerprint().digits());
                alice.teams.addMember(joined, bobEmail, Role.MEMBER);
                alice.teams.addMember(never, bobEmail, Role.MEMBER);
                TeamFixture.join(phone, alice, joined);
                phone.vaults.sync();
                // teams bob founds on his phone are in the record as well
                String own = phone.teams.createTeam("Bob's own");

                try (Device laptop = new Device(endpoint, bobEmail, dir.resolve("bob-laptop"))) {
                    laptop.vaults.sync();
                    assertThat(laptop.teams.teams())
                            .extracting(TeamInfo::teamId, TeamInfo::name)
                            .containsExactlyInAnyOrder(
                                    org.assertj.core.groups.Tuple.tuple(
                                            joined, "Joined on the phone"),
                                    org.assertj.core.groups.Tuple.tuple(own, "Bob's own"));
                    assertThat(laptop.teams.unjoinedTeams())
                            .extracting(u -> u.teamId())
                            .containsExactly(never);
                }
            }
        }
    }
}
