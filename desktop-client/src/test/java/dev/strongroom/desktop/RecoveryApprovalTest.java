package dev.strongroom.desktop;

import static dev.strongroom.desktop.DesktopFixture.ALICE;
import static dev.strongroom.desktop.DesktopFixture.BOB;
import static dev.strongroom.desktop.DesktopFixture.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.recovery.OpenedVault;
import dev.strongroom.client.recovery.PaperShares;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.crypto.slip39.Slip39Share;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.recovery.RecoveryScope;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * Break-glass through the UI: the owner (the app's user) sets the policy in the setup wizard, a
 * member (client-core) asks to open the prod vault; the badge shows the request waiting for the
 * app's user, who approves it in the inbox first: the request stays pending, and the inbox shows
 * her own decision instead of offering it again. A second approver (client-core) approves. The
 * requester then combines the shares through client-core and reads the vault, which only works if
 * the approval the UI signed was real. Finally the owner's paper share is shown as SLIP-39 words
 * that parse back into a share of the 2-of-2 split.
 */
class RecoveryApprovalTest {

    static final String REASON = "Prod DB password lost during the incident";

    @RegisterExtension final DesktopFixture desktop = new DesktopFixture();

    @Test
    void ownerSetsThePolicyAndApprovesARequestInTheUi() {
        DesktopHarness h = desktop.aliceOnLocalVault();
        FxRobot robot = desktop.robot;
        try (CoreDevice bob = desktop.device(BOB);
                CoreDevice carol = desktop.device(CAROL)) {
            String[] ids =
                    h.onAccount(
                            account -> {
                                TeamService teams = account.teams();
                                String team = teams.createTeam("Platform");
                                String prod = account.vaults().createVault(team, "prod").vaultId();
                                account.vaults()
                                        .add(prod, TeamScreens.apiKey("Prod DB", "prod-db-secret"));
                                for (String who : List.of(BOB, CAROL)) {
                                    teams.verify(who, teams.fingerprint(who).digits());
                                    teams.addMember(team, who, Role.MEMBER);
                                }
                                // the requester grants itself read access when combining
                                teams.changeRole(team, teams.memberId(team, CAROL), Role.ADMIN);
                                account.sync();
                                return new String[] {team, prod};
                            });
            String team = ids[0];
            String prod = ids[1];
            bob.join(team, ALICE);
            carol.join(team, ALICE);

            // setup wizard: alice and bob approve, 2 of 2, no delay
            RecoveryScreens.open(h);
            RecoveryScreens.team(h, "Platform");
            RecoveryScreens.tab(h, "tab-setup");
            RecoveryScreens.waitShowing(
                    h, () -> robot.lookup(approver(BOB)).tryQuery().isPresent());
            assertThat(checkBox(robot, CAROL).isDisabled()).isFalse();
            robot.clickOn(approver(ALICE));
            robot.clickOn(approver(BOB));
            DesktopHarness.fx(
                    () -> {
                        spinner(robot, "#thresholdSpinner").getValueFactory().setValue(2);
                        spinner(robot, "#delaySpinner").getValueFactory().setValue(0);
                        return null;
                    });
            robot.clickOn("#setupButton");
            RecoveryScreens.waitShowing(
                    h, () -> h.text("#policyLabel").startsWith("Policy version 1: 2 of 2"));
            assertThat(h.text("#policyLabel")).contains(ALICE, BOB).doesNotContain(CAROL);
            assertAllNamed(robot);

            // carol asks; the badge shows one request waiting for alice
            String request =
                    carol.glass.request(team, new RecoveryScope(RecoveryScope.VAULT, prod), REASON);
            RecoveryScreens.tab(h, "tab-approvals");
            robot.clickOn("#inboxRefresh");
            RecoveryScreens.waitShowing(h, () -> RecoveryScreens.badge(h).equals("1"));
            assertThat(robot.lookup("#recoveryButton").queryButton().getAccessibleText())
                    .isEqualTo("Break-glass recovery, 1 request(s) waiting for you");
            h.waitUntil(() -> h.text("#inboxDetail").contains(REASON));
            assertThat(h.text("#inboxDetail"))
                    .contains(CAROL + " asks to open one vault of Platform")
                    .contains("0 of 2 approvals · pending")
                    .doesNotContain("You approved");
            assertThat(TeamScreens.cells(h, "#inboxList"))
                    .containsExactly("● " + CAROL + " · one vault · 0/2");
            assertThat(robot.lookup("#approveButton").queryButton().isDisabled()).isFalse();

            // alice approves first: still pending, but the inbox shows her decision, not a wait
            robot.clickOn("#approveButton");
            RecoveryScreens.waitShowing(
                    h, () -> h.text("#recoveryMessage").equals("Request approved."));
            RecoveryScreens.waitShowing(h, () -> RecoveryScreens.badge(h).isEmpty());
            h.waitUntil(() -> h.text("#inboxDetail").contains("1 of 2 approvals · pending"));
            assertThat(h.text("#inboxDetail")).endsWith("You approved this request.");
            assertThat(TeamScreens.cells(h, "#inboxList"))
                    .containsExactly(CAROL + " · one vault · 1/2 · you approved");
            assertThat(robot.lookup("#approveButton").queryButton().isDisabled()).isTrue();
            assertThat(robot.lookup("#denyButton").queryButton().isDisabled()).isTrue();

            // bob approves (client-core): released
            bob.glass.approve(team, request);
            robot.clickOn("#inboxRefresh");
            h.waitUntil(() -> h.text("#inboxDetail").contains("2 of 2 approvals · approved"));
            assertThat(h.text("#inboxDetail")).endsWith("You approved this request.");
            assertThat(RecoveryScreens.badge(h)).isEmpty();

            // the requester combines: the vault opens with exactly its item
            List<OpenedVault> opened = carol.glass.combine(team, request);
            try {
                assertThat(opened)
                        .singleElement()
                        .satisfies(v -> assertThat(v.vaultId()).isEqualTo(prod));
                assertThat(opened.get(0).items().values())
                        .extracting(ItemContent::name)
                        .containsExactly("Prod DB");
            } finally {
                opened.forEach(OpenedVault::close);
            }

            // paper share: alice's words are a valid SLIP-39 share of the 2-of-2 split
            RecoveryScreens.tab(h, "tab-paper-share");
            robot.clickOn("#showWordsButton");
            h.waitUntil(() -> h.showing("#paperSheet"));
            String words =
                    DesktopHarness.fx(
                            () ->
                                    robot.lookup(".paper-word").queryAllAs(Label.class).stream()
                                            .sorted(
                                                    java.util.Comparator.comparingInt(
                                                            l ->
                                                                    Integer.parseInt(
                                                                            l.getText()
                                                                                    .split("\\.")[
                                                                                    0])))
                                            .map(l -> l.getText().split(" ", 2)[1])
                                            .collect(Collectors.joining(" ")));
            try (Slip39Share share = PaperShares.parse(words.toCharArray())) {
                assertThat(share.memberThreshold()).isEqualTo(2);
            }

            // the key was used: the window says so until the owner re-keys from the Setup tab,
            // which rotates the opened vault's key and splits a new recovery key
            RecoveryScreens.tab(h, "tab-setup");
            RecoveryScreens.waitShowing(
                    h,
                    () ->
                            h.showing("#recoveryNotice")
                                    && robot.lookup("#setupButton")
                                            .queryButton()
                                            .getText()
                                            .equals("Re-key now"));
            assertThat(h.text("#recoveryNotice"))
                    .startsWith("SECURITY NOTICE: this team's recovery key was used")
                    .contains(CAROL + " opened a vault");
            int keyBefore = prodKeyVersion(h, prod);
            robot.clickOn("#setupButton");
            RecoveryScreens.waitShowing(
                    h,
                    () ->
                            h.text("#recoveryMessage")
                                    .startsWith(
                                            "Re-keyed: recovery policy version 2, 1 opened vault"
                                                    + " key(s) rotated"));
            h.waitUntil(
                    () ->
                            !h.showing("#recoveryNotice")
                                    && h.text("#policyLabel")
                                            .startsWith("Policy version 2: 2 of 2"));
            assertThat(prodKeyVersion(h, prod)).isEqualTo(keyBefore + 1);
            assertAllNamed(robot);
            robot.clickOn("#recoveryClose");
            h.waitUntil(() -> robot.lookup("#paperSheet").tryQuery().isEmpty());
        }
    }

    private static CheckBox checkBox(FxRobot robot, String email) {
        return robot.lookup(approver(email)).queryAs(CheckBox.class);
    }

    private static String approver(String email) {
        return "#approver-" + email.replaceAll("[^A-Za-z0-9]", "-");
    }

    @SuppressWarnings("unchecked")
    private static Spinner<Integer> spinner(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Spinner.class);
    }

    /** Every control on the open tab of the recovery window has an accessible name. */
    private static void assertAllNamed(FxRobot robot) {
        assertThat(RecoveryScreens.missingNames(robot)).isEmpty();
    }

    private static int prodKeyVersion(DesktopHarness h, String prod) {
        return h.onWorker(
                vaults ->
                        vaults.listVaults().stream()
                                .filter(v -> v.vaultId().equals(prod))
                                .findFirst()
                                .orElseThrow()
                                .keyVersion());
    }
}
