package dev.strongroom.desktop;

import static dev.strongroom.desktop.DesktopFixture.ALICE;
import static dev.strongroom.desktop.DesktopFixture.BOB;
import static dev.strongroom.desktop.DesktopFixture.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.team.TeamService;
import dev.strongroom.client.vault.VaultInfo;
import dev.strongroom.desktop.app.OpenAccount;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * Alice, in the app, creates a team, invites Bob by comparing safety numbers side by side (each
 * side exactly what the other person's client shows), shares a new vault with him read-write, and
 * invites Carol with a one-time code. Bob and Carol are driven through client-core: Bob joins and
 * his client holds the shared vault with write access; Carol accepts the code and is added.
 */
class InviteAndShareTest {

    @RegisterExtension final DesktopFixture desktop = new DesktopFixture();

    @Test
    void inviteByFingerprintAndByCodeThenShareAVault() {
        DesktopHarness h = desktop.aliceOnLocalVault();
        FxRobot robot = desktop.robot;
        try (OpenAccount bob = desktop.account(BOB);
                OpenAccount carol = desktop.account(CAROL)) {
            TeamService bobTeams = bob.teams();

            TeamScreens.openTeams(h);
            h.type("#newTeamName", "Ops");
            robot.clickOn("#createTeamButton");
            TeamScreens.clickCell(h, "#teamList", "Ops · Owner · 1 member");

            robot.clickOn("#inviteButton");
            h.waitUntil(() -> !h.text("#myDigits").isEmpty());
            h.type("#inviteEmail", BOB);
            robot.clickOn("#compareButton");
            h.waitUntil(() -> !h.text("#theirDigits").isEmpty());
            // Side by side: my number is what Bob's client shows for me, his is what he sees.
            assertThat(TeamScreens.oneLine(h.text("#myDigits")))
                    .isEqualTo(bobTeams.fingerprint(ALICE).digits());
            assertThat(TeamScreens.oneLine(h.text("#theirDigits")))
                    .isEqualTo(bobTeams.myFingerprint().digits());
            assertThat(TeamScreens.oneLine(h.text("#theirWords")))
                    .isEqualTo(String.join(" ", bobTeams.myFingerprint().words()));
            robot.clickOn("#matchButton");
            TeamScreens.waitForCell(h, "#memberList", BOB + " · Member");

            robot.clickOn("#inviteButton");
            h.waitUntil(() -> h.showing("#codeButton"));
            h.type("#inviteEmail", CAROL);
            robot.clickOn("#codeButton");
            h.waitUntil(() -> !codeField(h).getText().isEmpty());
            char[] code = DesktopHarness.fx(() -> codeField(h).getText().toCharArray());
            String teamId = carol.teams().accept(code);
            robot.clickOn("#completeButton");
            h.waitUntil(() -> h.text("#inviteStatus").equals("Added 1 member."));
            TextField field = codeField(h);
            robot.clickOn("#closeInviteButton");
            h.waitUntil(() -> field.getText().isEmpty());
            TeamScreens.waitForCell(h, "#memberList", CAROL + " · Member");

            TeamScreens.tab(h, "Vaults");
            h.type("#newVaultName", "shared");
            robot.clickOn("#createVaultButton");
            TeamScreens.clickCell(h, "#teamVaultList", "shared");
            TeamScreens.choose(h, "#shareMember", BOB);
            robot.clickOn("#sharePermission");
            robot.clickOn("Read and write");
            robot.clickOn("#shareButton");
            TeamScreens.waitForCell(h, "#holderList", BOB + " · Read and write");

            bob.sync();
            bobTeams.verify(ALICE, bobTeams.fingerprint(ALICE).digits());
            bobTeams.join(teamId);
            bob.sync();
            VaultInfo shared =
                    bob.vaults().listVaults().stream()
                            .filter(v -> v.name().equals("shared"))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("Bob has no vault 'shared'"));
            assertThat(shared.teamId()).isEqualTo(teamId);
            assertThat(shared.permission()).isEqualToIgnoringCase("write");
        }
    }

    private static TextField codeField(DesktopHarness h) {
        return h.robot.lookup("#codeField").query();
    }
}
