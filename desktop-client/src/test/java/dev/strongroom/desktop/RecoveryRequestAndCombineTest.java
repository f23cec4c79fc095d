package dev.strongroom.desktop;

import static dev.strongroom.desktop.DesktopFixture.ALICE;
import static dev.strongroom.desktop.DesktopFixture.BOB;
import static dev.strongroom.desktop.DesktopFixture.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.Login;
import dev.strongroom.client.recovery.PendingRequest;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.client.totp.Totp;
import dev.strongroom.client.totp.TotpKey;
import dev.strongroom.desktop.RecoveryScreens.OpenedField;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.recovery.RecoveryScope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Break-glass from the requester's side, in the app: Bob (the owner, client-core) set a 2-of-2
 * policy with Carol; Alice, an admin without access to the prod vault, asks for it in the request
 * wizard, which offers the vault although she cannot open it. The approvers see exactly her signed
 * request (scope and reason) and approve it through client-core; Alice combines the shares in the
 * Combine tab, which lists the vault's items by their decrypted names (that only works if the
 * request the UI signed carried her device's key). She reveals the console password Bob stored and
 * copies it through the clipboard guard. No standing access is left behind, and the plaintext is
 * wiped when the next combine runs, when the window closes and when the app locks: a field row kept
 * from before then reveals and copies nothing.
 */
class RecoveryRequestAndCombineTest {

    static final String REASON = "Bob is on leave and the prod DB password rotated";
    static final String CONSOLE_PASSWORD = "prod-console-Pa55!";

    /** The console login's TOTP seed (RFC 4226's test key in base32). */
    static final String CONSOLE_TOTP = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    static final String USERS_OWN = "something the user copied";

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
            try (ItemContent console = console()) {
                bob.vaults.add(prod, console);
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
            // a combine uses its request up (the request's key is deleted): two more to show the
            // wipe on the next combine and on lock
            RecoveryScope prodScope = new RecoveryScope(RecoveryScope.VAULT, prod);
            String second =
                    h.onAccount(a -> a.breakGlass().request(team, prodScope, "second look"));
            String third = h.onAccount(a -> a.breakGlass().request(team, prodScope, "third look"));
            for (String id : List.of(seen.requestId(), second, third)) {
                bob.glass.approve(team, id);
            }
            // one approval short, listing her requests reads and checks the vault ahead
            RecoveryScreens.tab(h, "tab-combine");
            RecoveryScreens.waitShowing(
                    h,
                    () ->
                            TeamScreens.cells(h, "#mineList").stream()
                                    .anyMatch(c -> c.endsWith("· items checked ahead")));
            boolean readAhead = h.onAccount(a -> a.breakGlass().wasReadAhead(seen.requestId()));
            assertThat(readAhead).isTrue();
            for (String id : List.of(seen.requestId(), second, third)) {
                carol.glass.approve(team, id);
            }

            // the combine step opens the vault for her and lists its items, secrets masked
            combine(h, seen.requestId());
            assertThat(h.text("#combineResult")).isEqualTo(prodChoice + ": 2 item(s) opened");
            assertThat(TeamScreens.cells(h, "#openedList"))
                    .containsExactly(
                            "Prod console · Login · root · https://console.prod.example",
                            "Prod DB · API key");
            OpenedField first = pickConsole(h);
            assertThat(first.shown()).doesNotContain(CONSOLE_PASSWORD);
            // the login's live one-time code, from the seed Bob stored (this or the last period)
            String code = h.text("#openedTotpCode").replace(" ", "");
            try (TotpKey seed = TotpKey.fromBase32(CONSOLE_TOTP.toCharArray())) {
                Instant now = Instant.now();
                assertThat(code)
                        .matches("\\d{6}")
                        .isIn(Totp.code(seed, now), Totp.code(seed, now.minusSeconds(3)));
            }
            assertThat(RecoveryScreens.missingNames(robot)).isEmpty();

            // reveal shows what Bob stored; copy goes through the guard, which clears it later
            robot.clickOn(first.reveal());
            assertThat(first.shown()).isEqualTo(CONSOLE_PASSWORD);
            DesktopHarness.fx(
                    () -> {
                        h.app.context().settings().setClipboardClear(Duration.ofSeconds(2));
                        return null;
                    });
            robot.clickOn(first.copy());
            assertThat(RecoveryScreens.clipboard()).isEqualTo(CONSOLE_PASSWORD);
            h.waitUntil(() -> !CONSOLE_PASSWORD.equals(RecoveryScreens.clipboardNow()));
            assertThat(RecoveryScreens.clipboard()).isNull();
            // a one-off opening: no standing access to the vault is left behind
            List<String> after =
                    h.onWorker(vaults -> vaults.listVaults().stream().map(v -> v.name()).toList());
            assertThat(after).doesNotContain("prod");

            // the next combine wipes the first one's items before opening its own
            combine(h, second);
            assertWiped(first);
            OpenedField secondField = pickConsole(h);
            robot.clickOn(secondField.reveal());
            assertThat(secondField.shown()).isEqualTo(CONSOLE_PASSWORD);

            // closing the window wipes them and empties the lists
            ListView<?> opened = robot.lookup("#openedList").query();
            GridPane fields = robot.lookup("#openedFields").query();
            robot.clickOn("#recoveryClose");
            h.waitUntil(() -> !h.showing("#recoveryTabs"));
            assertThat(DesktopHarness.fx(() -> opened.getItems().size())).isZero();
            assertThat(DesktopHarness.fx(() -> fields.getChildren().size())).isZero();
            assertWiped(secondField);

            // and so does locking the app with the window open and an item revealed
            RecoveryScreens.open(h);
            RecoveryScreens.team(h, "Platform");
            RecoveryScreens.tab(h, "tab-combine");
            combine(h, third);
            OpenedField thirdField = pickConsole(h);
            robot.clickOn(thirdField.reveal());
            assertThat(thirdField.shown()).isEqualTo(CONSOLE_PASSWORD);
            DesktopHarness.fx(
                    () -> {
                        h.app.lock();
                        return null;
                    });
            h.waitUntil(() -> h.app.account() == null && h.showing("#unlockButton"));
            assertThat(DesktopHarness.fx(() -> opened.getItems().size())).isZero();
            assertWiped(thirdField);
        }
    }

    /** Combines the shares released for {@code requestId} and waits for the opened items. */
    private static void combine(DesktopHarness h, String requestId) {
        // the last combine's follow-up re-reads the request list (and would drop the selection)
        h.waitUntil(() -> h.app.context().background().isIdle());
        RecoveryScreens.selectRequest(h, requestId);
        h.robot.clickOn("#combineButton");
        RecoveryScreens.waitShowing(
                h,
                () ->
                        h.text("#recoveryMessage").startsWith("Opened with the recovery key")
                                && h.robot
                                                .lookup("#openedList")
                                                .<ListView<?>>query()
                                                .getItems()
                                                .size()
                                        == 2);
        // the combine's follow-up (a sync, then the "recovery key was used" banner, which moves the
        // window's content down) lands before anything is clicked: a click aimed before it moved
        // would hit the wrong row on a slow machine
        RecoveryScreens.waitShowing(h, () -> h.robot.lookup("#recoveryNotice").query().isVisible());
        h.waitUntil(() -> h.app.context().background().isIdle());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static OpenedField pickConsole(DesktopHarness h) {
        TeamScreens.clickCell(h, "#openedList", "Prod console");
        return OpenedField.of(h, "password");
    }

    /**
     * A row kept from before no longer reveals or copies the password: the item's secret itself was
     * wiped (hiding the row alone would leave Reveal working).
     */
    private static void assertWiped(OpenedField row) {
        RecoveryScreens.putClipboard(USERS_OWN);
        assertThat(row.revealAgain()).doesNotContain(CONSOLE_PASSWORD).isNotEmpty();
        row.pressCopy();
        assertThat(RecoveryScreens.clipboard()).isEqualTo(USERS_OWN);
    }

    private static ItemContent console() {
        return ItemContent.builder(
                        new Login(
                                "root",
                                SecretText.copyOf(CONSOLE_PASSWORD.toCharArray()),
                                List.of("https://console.prod.example"),
                                SecretText.copyOf(CONSOLE_TOTP.toCharArray())),
                        "Prod console",
                        Instant.parse("2026-01-02T03:04:05Z"))
                .build();
    }
}
