package dev.strongroom.desktop;

import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.FileKdfPinStore;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.item.ApiKey;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.desktop.app.DesktopApp;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import java.nio.file.Path;
import java.time.Instant;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
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
@ExtendWith(ApplicationExtension.class)
class ExposedSidebarTest {

    @TempDir static Path home;
    @TempDir static Path bobHome;
    private DesktopApp app;

    @Start
    void start(Stage stage) {
        app = DesktopHarness.start(stage, home);
    }

    @Stop
    void stop() {
        app.shutdown();
    }

    @Test
    void removedMembersReadableItemsAreListedAsExposed(FxRobot robot) {
        DesktopHarness h = DesktopHarness.of(robot, app, home);
        h.chooseLocalVault();
        h.register("alice@example.test");
        String bob = "bob@example.test";
        new AccountService(new FileKdfPinStore(bobHome))
                .register(
                        ServerApi.connect(app.account().connection().endpoint()),
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
