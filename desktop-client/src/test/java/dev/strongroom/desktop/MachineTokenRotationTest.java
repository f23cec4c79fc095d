package dev.strongroom.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.client.api.ApiTransport;
import dev.strongroom.client.api.AuthenticationException;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.automation.MachineToken;
import dev.strongroom.client.automation.headless.MachineSession;
import dev.strongroom.desktop.common.SecretField;
import dev.strongroom.model.log.Permission;
import java.time.Clock;
import java.util.Map;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * Replacing a machine token's secret in the Teams window, then revoking the machine, each checked
 * the way a CI job would notice: a machine session (client-core's headless path against the real
 * server) opens with the current token and is refused with the replaced or revoked one.
 */
class MachineTokenRotationTest {

    @RegisterExtension final DesktopFixture desktop = new DesktopFixture();

    @Test
    void rotatedTokenReplacesTheOldOneAndRevokingRefusesBoth() {
        DesktopHarness h = desktop.aliceOnLocalVault();
        FxRobot robot = desktop.robot;
        ServerEndpoint endpoint = desktop.app.account().connection().endpoint();
        char[] first =
                h.onAccount(
                        account -> {
                            String team = account.teams().createTeam("Platform");
                            String ci = account.vaults().createVault(team, "ci").vaultId();
                            account.sync();
                            try (MachineToken t =
                                    account.machines()
                                            .create(
                                                    team,
                                                    "ci-deploy",
                                                    Map.of(ci, Permission.READ),
                                                    null)) {
                                return t.toChars();
                            }
                        });
        assertThat(vaultsSeenBy(endpoint, first)).isEqualTo("ci");

        TeamScreens.openTeams(h);
        TeamScreens.clickCell(h, "#teamList", "Platform · Owner");
        TeamScreens.tab(h, "Machine accounts");
        TeamScreens.waitForCell(h, "#machineList", "ci-deploy · active");
        SecretField current = robot.lookup("#currentToken").query();
        robot.interact(() -> current.setSecret(first.clone()));
        robot.clickOn("#rotateTokenButton");
        h.waitUntil(() -> h.showing("#tokenField"));
        TextField field = robot.lookup("#tokenField").query();
        char[] second = DesktopHarness.fx(() -> field.getText().toCharArray());
        robot.clickOn("#closeTokenButton");
        h.waitUntil(() -> !h.showing("#tokenField"));
        assertThat(DesktopHarness.fx(current::secretLength)).isZero();

        // the new secret works, the old one is refused at once
        assertThat(new String(second))
                .startsWith(MachineToken.PREFIX)
                .isNotEqualTo(new String(first));
        assertThat(vaultsSeenBy(endpoint, second)).isEqualTo("ci");
        assertThatThrownBy(() -> vaultsSeenBy(endpoint, first))
                .isInstanceOf(AuthenticationException.class);

        // revoking the machine refuses the current token too
        TeamScreens.clickCell(h, "#machineList", "ci-deploy");
        robot.clickOn("#revokeMachineButton");
        h.waitUntil(() -> h.showing("#exposureList"));
        robot.clickOn("#closeReportButton");
        TeamScreens.waitForCell(h, "#machineList", "ci-deploy · revoked");
        assertThatThrownBy(() -> vaultsSeenBy(endpoint, second))
                .isInstanceOf(AuthenticationException.class);
    }

    /** The vault names a machine session opened with {@code token} is granted, comma-joined. */
    private static String vaultsSeenBy(ServerEndpoint endpoint, char[] token) {
        try (MachineToken t = MachineToken.parse(token.clone());
                MachineSession s =
                        MachineSession.open(ApiTransport.connect(endpoint), t, Clock.systemUTC())) {
            return String.join(
                    ",", s.vaults().stream().map(MachineSession.GrantedVault::name).toList());
        }
    }
}
