package dev.strongroom.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.item.ApiKey;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.recovery.OpenedVault;
import dev.strongroom.client.recovery.PaperShares;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.crypto.slip39.Slip39Share;
import dev.strongroom.desktop.app.DesktopApp;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.recovery.RecoveryScope;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * Break-glass through the UI: the owner (the app's user) sets the policy in the setup wizard, a
 * member (client-core) asks to open the prod vault, a second approver (client-core) approves; the
 * badge shows the request waiting for the app's user, who approves it in the inbox. The requester
 * then combines the shares through client-core and reads the vault, which only works if the
 * approval the UI signed was real. Finally the owner's paper share is shown as SLIP-39 words that
 * parse back into a share of the 2-of-2 split.
 */
@ExtendWith(ApplicationExtension.class)
class RecoveryApprovalTest {

    static final String ALICE = "alice@example.test";
    static final String BOB = "bob@example.test";
    static final String CAROL = "carol@example.test";
    static final String REASON = "Prod DB password lost during the incident";

    @TempDir static Path home;
    @TempDir static Path others;
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
    void ownerSetsThePolicyAndApprovesARequestInTheUi(FxRobot robot) {
        DesktopHarness h = DesktopHarness.of(robot, app, home);
        h.chooseLocalVault();
        h.register(ALICE);
        ServerEndpoint endpoint = app.account().connection().endpoint();
        try (CoreDevice bob = CoreDevice.register(endpoint, BOB, others.resolve("bob"));
                CoreDevice carol = CoreDevice.register(endpoint, CAROL, others.resolve("carol"))) {
            String[] ids =
                    h.onAccount(
                            account -> {
                                TeamService teams = account.teams();
                                String team = teams.createTeam("Platform");
                                String prod = account.vaults().createVault(team, "prod").vaultId();
                                account.vaults().add(prod, apiKey("Prod DB", "prod-db-secret"));
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
            robot.clickOn("#recoveryButton");
            h.waitUntil(() -> h.showing("#recoveryTabs"));
            chooseTeam(h, robot, "Platform");
            select(robot, "tab-setup");
            waitShowing(h, robot, () -> robot.lookup(approver(BOB)).tryQuery().isPresent());
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
            waitShowing(
                    h, robot, () -> h.text("#policyLabel").startsWith("Policy version 1: 2 of 2"));
            assertThat(h.text("#policyLabel")).contains(ALICE, BOB).doesNotContain(CAROL);
            assertAllNamed(robot);

            // carol asks, bob approves (client-core); the badge shows one request for alice
            String request =
                    carol.glass.request(team, new RecoveryScope(RecoveryScope.VAULT, prod), REASON);
            bob.glass.approve(team, request);
            select(robot, "tab-approvals");
            robot.clickOn("#inboxRefresh");
            waitShowing(h, robot, () -> badge(robot).equals("1"));
            assertThat(robot.lookup("#recoveryButton").queryButton().getAccessibleText())
                    .isEqualTo("Break-glass recovery, 1 request(s) waiting for you");
            h.waitUntil(() -> h.text("#inboxDetail").contains(REASON));
            assertThat(h.text("#inboxDetail"))
                    .contains(CAROL + " asks to open one vault of Platform")
                    .contains("1 of 2 approvals");
            assertThat(robot.lookup("#approveButton").queryButton().isDisabled()).isFalse();

            robot.clickOn("#approveButton");
            waitShowing(h, robot, () -> h.text("#recoveryMessage").equals("Request approved."));
            waitShowing(h, robot, () -> badge(robot).isEmpty());
            h.waitUntil(() -> h.text("#inboxDetail").contains("2 of 2 approvals · approved"));
            assertThat(robot.lookup("#approveButton").queryButton().isDisabled()).isTrue();

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
            select(robot, "tab-paper-share");
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
            assertAllNamed(robot);
            robot.clickOn("#recoveryClose");
            h.waitUntil(() -> robot.lookup("#paperSheet").tryQuery().isEmpty());
        }
    }

    private static void select(FxRobot robot, String tabId) {
        DesktopHarness.fx(
                () -> {
                    TabPane tabs = robot.lookup("#recoveryTabs").query();
                    tabs.getTabs().stream()
                            .filter(t -> tabId.equals(t.getId()))
                            .findFirst()
                            .ifPresent(t -> tabs.getSelectionModel().select(t));
                    return null;
                });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    private static CheckBox checkBox(FxRobot robot, String email) {
        return robot.lookup(approver(email)).queryAs(CheckBox.class);
    }

    /** Waits; a timeout names what the recovery window said (its message line and policy). */
    private static void waitShowing(
            DesktopHarness h, FxRobot robot, java.util.function.BooleanSupplier c) {
        try {
            h.waitUntil(c);
        } catch (AssertionError e) {
            throw new AssertionError(
                    "recovery window says: "
                            + DesktopHarness.fx(
                                    () ->
                                            robot.lookup(".label").queryAllAs(Label.class).stream()
                                                    .filter(l -> l.getScene() != null)
                                                    .map(Label::getText)
                                                    .toList()),
                    e);
        }
    }

    /** Chooses the team at the top of the recovery window, once its teams are read. */
    @SuppressWarnings("unchecked")
    private static void chooseTeam(DesktopHarness h, FxRobot robot, String name) {
        javafx.scene.control.ChoiceBox<dev.strongroom.client.team.TeamInfo> choice =
                robot.lookup("#recoveryTeam").queryAs(javafx.scene.control.ChoiceBox.class);
        h.waitUntil(() -> choice.getItems().stream().anyMatch(t -> t.name().equals(name)));
        DesktopHarness.fx(
                () -> {
                    choice.getItems().stream()
                            .filter(t -> t.name().equals(name))
                            .findFirst()
                            .ifPresent(choice::setValue);
                    return null;
                });
    }

    /** The badge on the Recovery button: its number, or "" while hidden. */
    private static String badge(FxRobot robot) {
        Label badge = (Label) robot.lookup("#recoveryButton").queryButton().getGraphic();
        return badge.isVisible() ? badge.getText() : "";
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
        List<String> missing =
                DesktopHarness.fx(
                        () -> {
                            TabPane tabs = robot.lookup("#recoveryTabs").query();
                            Parent window = (Parent) tabs.getScene().getRoot();
                            List<String> out =
                                    new java.util.ArrayList<>(AccessibleNames.missing(window));
                            out.addAll(
                                    AccessibleNames.missing(
                                            (Parent)
                                                    tabs.getSelectionModel()
                                                            .getSelectedItem()
                                                            .getContent()));
                            return out;
                        });
        assertThat(missing).isEmpty();
    }

    private static ItemContent apiKey(String name, String secret) {
        return ItemContent.builder(
                        new ApiKey(null, SecretText.copyOf(secret.toCharArray())),
                        name,
                        Instant.parse("2026-01-02T03:04:05Z"))
                .build();
    }
}
