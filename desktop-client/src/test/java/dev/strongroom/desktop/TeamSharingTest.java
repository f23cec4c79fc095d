package dev.strongroom.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.desktop.app.OpenAccount;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * Sharing a vault with a second user. Bob (client-core) creates a team and a vault, compares
 * Alice's fingerprint, adds her and shares the vault read-only. In the app Alice sees the team as
 * not joined, opens Join, sees Bob's safety number exactly as Bob's own client shows it, confirms,
 * and the vault appears in her sidebar with its item.
 */
class TeamSharingTest {

    static final String ALICE = "alice@example.test";
    static final String BOB = "bob@example.test";

    @RegisterExtension final DesktopFixture desktop = new DesktopFixture();

    @Test
    void vaultSharedByAnotherUserAppearsInTheSidebarAfterJoining() {
        FxRobot robot = desktop.robot;
        DesktopHarness h = desktop.h;
        h.chooseLocalVault();
        h.register(ALICE);
        String bobDigits;
        try (OpenAccount bob =
                SecondUser.open(
                        desktop.app.account().connection(), desktop.otherHome("bob"), BOB)) {
            TeamService teams = bob.teams();
            String team = teams.createTeam("Platform");
            String prod = bob.vaults().createVault(team, "prod").vaultId();
            try (ItemContent key = TeamScreens.apiKey("Prod deploy key", "s1")) {
                bob.vaults().add(prod, key);
            }
            teams.verify(ALICE, teams.fingerprint(ALICE).digits());
            teams.addMember(team, ALICE, Role.MEMBER);
            teams.grant(prod, teams.memberId(team, ALICE), Permission.READ);
            bob.sync();
            bobDigits = teams.myFingerprint().digits();
        }

        TeamScreens.openTeams(h);
        TeamScreens.clickCell(h, "#teamList", "Platform · not joined, added by " + BOB);
        robot.clickOn("#joinButton");
        h.waitUntil(
                () ->
                        h.showing("#joinMatchButton")
                                && !robot.lookup("#joinMatchButton").queryButton().isDisabled());
        assertThat(TeamScreens.oneLine(h.text("#adderDigits"))).isEqualTo(bobDigits);
        robot.clickOn("#joinMatchButton");
        TeamScreens.waitForCell(h, "#teamList", "Platform · Member · 2 members");
        robot.clickOn("#closeTeamsButton");

        h.waitUntil(() -> TeamScreens.cells(h, "#sidebar").contains("prod"));
        robot.clickOn(
                robot.from(robot.lookup("#sidebar").<Node>query())
                        .lookup(".list-cell")
                        .match(LabeledMatchers.hasText("prod"))
                        .<Node>query());
        h.assertListed("Prod deploy key");
    }
}
