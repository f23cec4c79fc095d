package dev.strongroom.desktop;

import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.FileKdfPinStore;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.item.ApiKey;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import java.time.Instant;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * The "Exposed" sidebar entry lists exactly the items of client-core's exposure report: a team
 * member who could read a vault is removed (driven through client-core, as a team admin would on
 * another screen), and only the items they could read show up, not the account's own ones.
 *
 * <p>Not covered: an item written right after the removal. client-core's {@code VaultVerifier}
 * currently takes a new item written at the rotation's log position for a re-wrap and raises
 * ITEM_TAMPERING ("a key rotation may only re-wrap, not change it"); reported to the lead.
 */
class ExposedSidebarTest {

    @RegisterExtension final DesktopFixture desktop = new DesktopFixture();

    @Test
    void removedMembersReadableItemsAreListedAsExposed() {
        FxRobot robot = desktop.robot;
        DesktopHarness h = desktop.h;
        h.chooseLocalVault();
        h.register("alice@example.test");
        String bob = "bob@example.test";
        new AccountService(new FileKdfPinStore(desktop.otherHome("bob")))
                .register(
                        ServerApi.connect(desktop.app.account().connection().endpoint()),
                        bob,
                        DesktopHarness.PASSWORD.toCharArray(),
                        DesktopHarness.CHEAP);

        h.onAccount(
                account -> {
                    TeamService teams = account.teams();
                    VaultService vaults = account.vaults();
                    String team = teams.createTeam("Platform");
                    String prod = vaults.createVault(team, "prod").vaultId();
                    teams.verify(bob, teams.fingerprint(bob).digits());
                    teams.addMember(team, bob, Role.MEMBER);
                    String bobId = teams.memberId(team, bob);
                    teams.grant(prod, bobId, Permission.READ);
                    vaults.add(prod, apiKey("Prod deploy key", "s1"));
                    String personal =
                            vaults.listVaults().stream()
                                    .filter(v -> v.name().equals("Personal"))
                                    .findFirst()
                                    .orElseThrow()
                                    .vaultId();
                    vaults.add(personal, apiKey("My own key", "s2"));
                    account.sync();
                    teams.remove(team, bobId);
                    account.sync();
                    return null;
                });

        robot.clickOn("#syncButton");
        h.assertListed("My own key", "Prod deploy key");
        Node exposed =
                robot.from(robot.lookup("#sidebar").<Node>query())
                        .lookup(".list-cell")
                        .match(LabeledMatchers.hasText("Exposed"))
                        .query();
        robot.clickOn(exposed);
        h.assertListed("Prod deploy key");
    }

    private static ItemContent apiKey(String name, String secret) {
        return ItemContent.builder(
                        new ApiKey(null, SecretText.copyOf(secret.toCharArray())),
                        name,
                        Instant.parse("2026-01-02T03:04:05Z"))
                .build();
    }
}
