package dev.strongroom.desktop;

import static dev.strongroom.desktop.DesktopFixture.ALICE;
import static dev.strongroom.desktop.DesktopFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.team.TeamInfo;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.model.log.Role;
import java.time.LocalDate;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * The audit viewer of a team admin: it opens on the team shared with others (not the one-person
 * personal team), shows the team's events from the server, filtered by what, who and when, and the
 * chain's verification status from the server's verify endpoint.
 */
class AuditViewerTest {

    @RegisterExtension final DesktopFixture desktop = new DesktopFixture();

    @Test
    void filtersByWhatWhoAndWhenAndShowsTheChainVerified() {
        DesktopHarness h = desktop.aliceOnLocalVault();
        FxRobot robot = desktop.robot;
        desktop.register(BOB);
        h.onAccount(
                account -> {
                    TeamService teams = account.teams();
                    String team = teams.createTeam("Platform");
                    account.vaults().createVault(team, "prod");
                    teams.verify(BOB, teams.fingerprint(BOB).digits());
                    teams.addMember(team, BOB, Role.MEMBER);
                    account.sync();
                    return null;
                });

        robot.clickOn("#auditButton");
        h.waitUntil(() -> h.text("#chainLabel").startsWith("Chain verified: "));
        // Alice owns two teams; the viewer opens on the one with Bob in it
        ChoiceBox<TeamInfo> teams = robot.lookup("#auditTeam").query();
        assertThat(DesktopHarness.fx(() -> teams.getItems().stream().map(TeamInfo::name).toList()))
                .containsExactly("Platform", "personal");
        assertThat(DesktopHarness.fx(() -> teams.getValue().name())).isEqualTo("Platform");
        h.waitUntil(
                () ->
                        DesktopHarness.fx(
                                () ->
                                        robot
                                                .lookup("#actorChoice")
                                                .<javafx.scene.control.ComboBox<?>>query()
                                                .getItems()
                                                .stream()
                                                .anyMatch(a -> String.valueOf(a).equals(BOB))));
        h.waitUntil(() -> !TeamScreens.column(h, "#eventTable", 2).isEmpty());
        assertThat(TeamScreens.column(h, "#eventTable", 2))
                .contains("team.create", "team.log_append");

        robot.clickOn("#actionChoice");
        robot.write("team.log_append");
        robot.clickOn("#applyButton");
        h.waitUntil(
                () ->
                        !TeamScreens.column(h, "#eventTable", 2).isEmpty()
                                && TeamScreens.column(h, "#eventTable", 2).stream()
                                        .allMatch("team.log_append"::equals));
        // Bob's addition at least; the team's creation is another action
        assertThat(TeamScreens.column(h, "#eventTable", 2)).doesNotContain("team.create");
        assertThat(TeamScreens.column(h, "#eventTable", 1)).containsOnly(ALICE);

        robot.clickOn("#clearButton");
        h.waitUntil(() -> TeamScreens.column(h, "#eventTable", 2).contains("team.create"));
        TeamScreens.choose(h, "#actorChoice", ALICE);
        robot.clickOn("#applyButton");
        h.waitUntil(
                () ->
                        TeamScreens.column(h, "#eventTable", 2).contains("team.create")
                                && TeamScreens.column(h, "#eventTable", 1).stream()
                                        .allMatch(ALICE::equals));
        TeamScreens.select(h, "#actorChoice", BOB);
        robot.clickOn("#applyButton");
        h.waitUntil(() -> h.text("#auditStatus").equals("0 events shown"));
        assertThat(TeamScreens.column(h, "#eventTable", 1)).isEmpty();

        robot.clickOn("#clearButton");
        h.waitUntil(() -> TeamScreens.column(h, "#eventTable", 2).contains("team.create"));
        DatePicker from = robot.lookup("#fromDate").query();
        robot.interact(() -> from.setValue(LocalDate.now().plusDays(2)));
        robot.clickOn("#applyButton");
        h.waitUntil(() -> h.text("#auditStatus").equals("0 events shown"));
        robot.interact(() -> from.setValue(LocalDate.now().minusDays(1)));
        robot.clickOn("#applyButton");
        h.waitUntil(() -> TeamScreens.column(h, "#eventTable", 2).contains("team.create"));

        robot.clickOn("#verifyButton");
        h.waitUntil(() -> h.text("#chainLabel").startsWith("Chain verified: "));
    }
}
