package dev.strongroom.desktop;

import static dev.strongroom.desktop.DesktopFixture.ALICE;
import static dev.strongroom.desktop.DesktopFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.sync.VaultLoss;
import dev.strongroom.client.team.TeamInfo;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.client.vault.ItemView;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import javafx.scene.control.ChoiceBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * What an owner does to a team from the Teams window, each checked on the other member's device
 * (Bob, client-core): promoting him to admin changes the role his verified log gives him; rotating
 * the vault key moves his client to the new key version and he still reads what is written under
 * it; unsharing the vault takes it off his device and rotates the key past him.
 */
class TeamAdminFlowsTest {

    @RegisterExtension final DesktopFixture desktop = new DesktopFixture();

    @Test
    void changeARoleRotateAVaultKeyAndUnshareAVault() {
        DesktopHarness h = desktop.aliceOnLocalVault();
        FxRobot robot = desktop.robot;
        try (CoreDevice bob = desktop.device(BOB)) {
            String[] ids =
                    h.onAccount(
                            account -> {
                                TeamService teams = account.teams();
                                String team = teams.createTeam("Ops");
                                String vault =
                                        account.vaults().createVault(team, "shared").vaultId();
                                account.vaults().add(vault, TeamScreens.apiKey("Deploy key", "k1"));
                                teams.verify(BOB, teams.fingerprint(BOB).digits());
                                teams.addMember(team, BOB, Role.MEMBER);
                                account.sync();
                                teams.grant(vault, teams.memberId(team, BOB), Permission.READ);
                                account.sync();
                                return new String[] {team, vault};
                            });
            String team = ids[0];
            String vault = ids[1];
            bob.join(team, ALICE);
            assertThat(itemNames(bob, vault)).containsExactly("Deploy key");
            assertThat(roleOf(bob, team)).isEqualTo(Role.MEMBER);

            TeamScreens.openTeams(h);
            TeamScreens.clickCell(h, "#teamList", "Ops · Owner · 2 members");

            // promote Bob: his own verified log says admin
            TeamScreens.clickCell(h, "#memberList", BOB + " · Member");
            robot.interact(
                    () ->
                            robot.lookup("#roleChoice")
                                    .<ChoiceBox<Role>>query()
                                    .setValue(Role.ADMIN));
            robot.clickOn("#changeRoleButton");
            TeamScreens.waitForCell(h, "#memberList", BOB + " · Admin");
            bob.engine.pull();
            assertThat(roleOf(bob, team)).isEqualTo(Role.ADMIN);

            // rotate the key: Bob, still a holder, moves to version 2 and reads a new item
            TeamScreens.tab(h, "Vaults");
            TeamScreens.clickCell(h, "#teamVaultList", "shared · key v1");
            robot.clickOn("#rotateKeyButton");
            h.waitUntil(
                    () -> h.text("#vaultsStatus").equals("The key of shared is now version 2."));
            TeamScreens.waitForCell(h, "#teamVaultList", "shared · key v2");
            addItem(h, vault, "After rotation");
            bob.engine.pull();
            assertThat(bob.vaults.vault(vault).keyVersion()).isEqualTo(2);
            assertThat(itemNames(bob, vault))
                    .containsExactlyInAnyOrder("Deploy key", "After rotation");

            // unshare from Bob: his device loses the vault, the key moves past him
            TeamScreens.clickCell(h, "#holderList", BOB + " · Read only");
            robot.clickOn("#unshareButton");
            h.waitUntil(
                    () -> h.text("#vaultsStatus").equals("Unshared; the vault key was rotated."));
            TeamScreens.waitForCell(h, "#teamVaultList", "shared · key v3");
            h.waitUntil(
                    () ->
                            TeamScreens.cells(h, "#holderList")
                                    .equals(java.util.List.of(ALICE + " · Read and write")));
            assertThat(bob.engine.pull().lost())
                    .extracting(VaultLoss::vaultId, VaultLoss::reason)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(vault, VaultLoss.Reason.REVOKED));
            assertThat(bob.vaults.listVaults()).noneMatch(v -> v.vaultId().equals(vault));
            assertThat(bob.cache.items(vault)).isEmpty();
        }
    }

    private static void addItem(DesktopHarness h, String vault, String name) {
        h.onAccount(
                account -> {
                    try (ItemContent item = TeamScreens.apiKey(name, "v")) {
                        account.vaults().add(vault, item);
                    }
                    account.sync();
                    return null;
                });
    }

    private static Role roleOf(CoreDevice device, String team) {
        return device.teams.teams().stream()
                .filter(t -> t.teamId().equals(team))
                .map(TeamInfo::myRole)
                .findFirst()
                .orElseThrow();
    }

    private static java.util.List<String> itemNames(CoreDevice device, String vault) {
        return device.vaults.list(vault).stream()
                .map(ItemView::content)
                .map(ItemContent::name)
                .toList();
    }
}
