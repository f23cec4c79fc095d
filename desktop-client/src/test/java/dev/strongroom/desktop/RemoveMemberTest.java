package dev.strongroom.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * Removing a member from the Members tab: the report names the vault whose key was rotated and
 * exactly the item the member could decrypt (not the one in a vault they never held), and the
 * member is gone from the list.
 */
class RemoveMemberTest {

    static final String BOB = "bob@example.test";

    @RegisterExtension final DesktopFixture desktop = new DesktopFixture();

    @Test
    void removingAMemberShowsTheExposureReport() {
        FxRobot robot = desktop.robot;
        DesktopHarness h = desktop.h;
        h.chooseLocalVault();
        h.register("alice@example.test");
        SecondUser.register(desktop.app.account().connection(), desktop.otherHome("bob"), BOB);
        h.onAccount(
                account -> {
                    TeamService teams = account.teams();
                    VaultService vaults = account.vaults();
                    String team = teams.createTeam("Platform");
                    String prod = vaults.createVault(team, "prod").vaultId();
                    String other = vaults.createVault(team, "finance").vaultId();
                    teams.verify(BOB, teams.fingerprint(BOB).digits());
                    teams.addMember(team, BOB, Role.MEMBER);
                    teams.grant(prod, teams.memberId(team, BOB), Permission.READ);
                    try (ItemContent a = TeamScreens.apiKey("Prod deploy key", "s1");
                            ItemContent b = TeamScreens.apiKey("Payroll key", "s2")) {
                        vaults.add(prod, a);
                        vaults.add(other, b);
                    }
                    account.sync();
                    return null;
                });

        TeamScreens.openTeams(h);
        TeamScreens.clickCell(h, "#teamList", "Platform · Owner · 2 members");
        TeamScreens.clickCell(h, "#memberList", BOB + " · Member · 1 vault");
        robot.clickOn("#removeMemberButton");
        h.waitUntil(() -> h.showing("#exposureList"));
        assertThat(h.text("#reportTitle")).isEqualTo(BOB + " was removed");
        assertThat(h.text("#rotatedLabel")).isEqualTo("Vault keys rotated: prod");
        assertThat(TeamScreens.rows(h, "#exposureList"))
                .containsExactly("prod / Prod deploy key · revisions [1] · change this secret");
        robot.clickOn("#closeReportButton");
        h.waitUntil(() -> !h.showing("#exposureList"));
        h.waitUntil(
                () ->
                        TeamScreens.cells(h, "#memberList").size() == 1
                                && TeamScreens.cells(h, "#memberList")
                                        .get(0)
                                        .startsWith("alice@example.test · Owner"));
    }
}
