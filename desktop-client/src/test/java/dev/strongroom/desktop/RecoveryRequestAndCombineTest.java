package dev.strongroom.desktop;

import static dev.strongroom.desktop.DesktopFixture.ALICE;
import static dev.strongroom.desktop.DesktopFixture.BOB;
import static dev.strongroom.desktop.DesktopFixture.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.recovery.PendingRequest;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.recovery.RecoveryScope;
import java.util.List;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * Break-glass from the requester's side, in the app: Bob (the owner, client-core) set a 2-of-2
 * policy with Carol; Alice, an admin without access to the prod vault, asks for it in the request
 * wizard, which offers the vault although she cannot open it. The approvers see exactly her signed
 * request (scope and reason) and approve it through client-core; Alice combines the shares in the
 * Combine tab, which lists the vault's item by its decrypted name: that only works if the request
 * the UI signed carried her device's key. No standing access is left behind.
 */
class RecoveryRequestAndCombineTest {

    static final String REASON = "Bob is on leave and the prod DB password rotated";

    @RegisterExtension final DesktopFixture desktop = new DesktopFixture();

    @Test
    void requestInTheWizardThenCombineTheReleasedShares() {
        DesktopHarness h = desktop.aliceOnLocalVault();
        FxRobot robot = desktop.robot;
        try (CoreDevice bob = desktop.device(BOB);
                CoreDevice carol = desktop.device(CAROL)) {
            String team = bob.teams.createTeam("Platform");
            String prod = bob.vaults.createVault(team, "prod").vaultId();
            try (ItemContent key = TeamScreens.apiKey("Prod DB", "prod-db-secret")) {
                bob.vaults.add(prod, key);
            }
            for (String who : List.of(ALICE, CAROL)) {
                bob.teams.verify(who, bob.teams.fingerprint(who).digits());
            }
            bob.teams.addMember(team, ALICE, Role.ADMIN);
            bob.teams.addMember(team, CAROL, Role.MEMBER);
            bob.vaults.sync();
            carol.join(team, BOB);
            bob.recovery.setup(team, List.of(bob.id(), carol.id()), 2, 0, false);
            h.onAccount(
                    account -> {
                        account.teams().verify(BOB, account.teams().fingerprint(BOB).digits());
                        account.teams().join(team);
                        account.sync();
                        return null;
                    });
            List<String> before =
                    h.onWorker(vaults -> vaults.listVaults().stream().map(v -> v.name()).toList());
            assertThat(before).doesNotContain("prod");

            // the request wizard offers prod although she cannot open it (by id: its name is
            // sealed under its key); one vault, with a reason
            String prodChoice = "vault " + prod.substring(0, 8) + "… (not yours)";
            RecoveryScreens.open(h);
            RecoveryScreens.team(h, "Platform");
            RecoveryScreens.tab(h, "tab-request");
            ChoiceBox<Object> target = robot.lookup("#targetChoice").query();
            RecoveryScreens.waitShowing(
                    h,
                    () ->
                            target.getItems().stream()
                                    .anyMatch(t -> t.toString().equals(prodChoice)));
            robot.interact(
                    () ->
                            target.getItems().stream()
                                    .filter(t -> t.toString().equals(prodChoice))
                                    .findFirst()
                                    .ifPresent(target::setValue));
            robot.clickOn("#reasonField");
            robot.write(REASON);
            robot.clickOn("#requestButton");
            RecoveryScreens.waitShowing(
                    h,
                    () ->
                            h.text("#recoveryMessage")
                                    .equals("Request sent. The approvers see it in their inbox."));
            assertThat(
                            DesktopHarness.fx(
                                    () -> robot.lookup("#reasonField").<TextArea>query().getText()))
                    .isEmpty();

            // the approvers see what she signed, and approve
            PendingRequest seen = bob.glass.pending(team).get(0);
            assertThat(seen.requesterEmail()).isEqualTo(ALICE);
            assertThat(seen.scope()).isEqualTo(new RecoveryScope(RecoveryScope.VAULT, prod));
            assertThat(seen.reason()).isEqualTo(REASON);
            bob.glass.approve(team, seen.requestId());
            carol.glass.approve(team, seen.requestId());

            // the combine step opens the vault for her
            RecoveryScreens.tab(h, "tab-combine");
            TeamScreens.clickCell(h, "#mineList", "one vault");
            robot.clickOn("#combineButton");
            RecoveryScreens.waitShowing(
                    h,
                    () ->
                            h.text("#combineResult")
                                    .equals(prodChoice + ": 1 item(s) opened\n  · Prod DB"));
            RecoveryScreens.waitShowing(
                    h, () -> h.text("#recoveryMessage").startsWith("Opened with the recovery key"));
            // a one-off opening: no standing access to the vault is left behind
            List<String> after =
                    h.onWorker(vaults -> vaults.listVaults().stream().map(v -> v.name()).toList());
            assertThat(after).doesNotContain("prod");
        }
    }
}
