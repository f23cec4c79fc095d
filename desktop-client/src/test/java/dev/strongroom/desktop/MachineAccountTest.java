package dev.strongroom.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.automation.MachineToken;
import dev.strongroom.client.machine.MachineInfo;
import dev.strongroom.model.log.Permission;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * Creating a machine account from the Machines tab: the token is shown once (a valid token of the
 * new machine, which has exactly the chosen vault), is wiped from its field when the dialog closes,
 * and appears nowhere afterwards. Revoking it shows its removal report.
 */
class MachineAccountTest {

    @RegisterExtension final DesktopFixture desktop = new DesktopFixture();

    @Test
    void machineTokenIsShownOnceThenGone() {
        FxRobot robot = desktop.robot;
        DesktopHarness h = desktop.h;
        h.chooseLocalVault();
        h.register("alice@example.test");
        String[] ids =
                h.onAccount(
                        account -> {
                            String team = account.teams().createTeam("Platform");
                            String ci = account.vaults().createVault(team, "ci").vaultId();
                            account.vaults().createVault(team, "prod");
                            account.sync();
                            return new String[] {team, ci};
                        });

        TeamScreens.openTeams(h);
        TeamScreens.clickCell(h, "#teamList", "Platform · Owner");
        TeamScreens.tab(h, "Machine accounts");
        h.waitUntil(() -> h.showing("#grant-ci"));
        h.type("#machineName", "ci-deploy");
        robot.clickOn("#grant-ci");
        robot.clickOn("#createMachineButton");
        h.waitUntil(() -> h.showing("#tokenField"));

        TextField field = robot.lookup("#tokenField").query();
        String shown = DesktopHarness.fx(() -> field.getText());
        assertThat(shown).startsWith(MachineToken.PREFIX);
        List<MachineInfo> machines = h.onAccount(a -> a.machines().list(ids[0]));
        assertThat(machines).hasSize(1);
        MachineInfo machine = machines.get(0);
        assertThat(machine.name()).isEqualTo("ci-deploy");
        assertThat(machine.grants()).isEqualTo(Map.of(ids[1], Permission.READ));
        try (MachineToken token = MachineToken.parse(shown.toCharArray())) {
            assertThat(token.machineId().toString()).isEqualTo(machine.machineId());
            assertThat(token.teamId().toString()).isEqualTo(ids[0]);
        }

        robot.clickOn("#closeTokenButton");
        h.waitUntil(() -> !h.showing("#tokenField"));
        assertThat(DesktopHarness.fx(() -> field.getText())).isEmpty();
        TeamScreens.waitForCell(h, "#machineList", "ci-deploy · active · 1 vault");
        List<String> texts = textsOnScreen(robot);
        assertThat(texts).isNotEmpty();
        assertThat(texts.stream().noneMatch(t -> t.contains(MachineToken.PREFIX))).isTrue();

        TeamScreens.clickCell(h, "#machineList", "ci-deploy");
        robot.clickOn("#revokeMachineButton");
        h.waitUntil(() -> h.showing("#exposureList"));
        assertThat(h.text("#reportTitle")).isEqualTo("Machine account ci-deploy was removed");
        assertThat(h.text("#rotatedLabel")).isEqualTo("Vault keys rotated: ci");
        robot.clickOn("#closeReportButton");
        TeamScreens.waitForCell(h, "#machineList", "ci-deploy · revoked");
    }

    /** Every text of every label and text control in every open window. */
    private static List<String> textsOnScreen(FxRobot robot) {
        return DesktopHarness.fx(
                () -> {
                    List<String> out = new java.util.ArrayList<>();
                    for (Window w : Window.getWindows()) {
                        if (w.isShowing()) {
                            collect(w.getScene().getRoot(), out);
                        }
                    }
                    return out;
                });
    }

    private static void collect(javafx.scene.Node node, List<String> out) {
        if (node instanceof javafx.scene.control.Labeled l && l.getText() != null) {
            out.add(l.getText());
        } else if (node instanceof javafx.scene.control.TextInputControl t) {
            out.add(t.getText());
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> collect(child, out));
        }
    }
}
