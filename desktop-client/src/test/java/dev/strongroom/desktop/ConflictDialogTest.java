package dev.strongroom.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.item.ApiKey;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.client.vault.ItemView;
import java.time.Instant;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * A conflict made for real: the same account edits one item on a second device (client-core) and in
 * the app before the app synced. The status bar's sync indicator shows it, the sync dialog lists
 * it, the conflict dialog shows both versions side by side (secrets masked, only marked as
 * different) and "Keep mine" resolves it through client-core: the other device then reads the app's
 * version.
 */
class ConflictDialogTest {

    static final String ALICE = "alice@example.test";

    @RegisterExtension final DesktopFixture desktop = new DesktopFixture();

    @Test
    void bothVersionsSideBySideAndKeepMine() {
        FxRobot robot = desktop.robot;
        DesktopHarness h = desktop.h;
        h.chooseLocalVault();
        h.register(ALICE);
        ServerEndpoint endpoint = desktop.app.account().connection().endpoint();
        String[] ref =
                h.onAccount(
                        account -> {
                            String vault = account.vaults().listVaults().get(0).vaultId();
                            String item =
                                    account.vaults().add(vault, apiKey("Build token", "s-old"));
                            account.sync();
                            return new String[] {vault, item};
                        });
        try (CoreDevice laptop = CoreDevice.login(endpoint, ALICE, desktop.otherHome("laptop"))) {
            laptop.engine.pull();
            laptop.vaults.edit(ref[0], ref[1], apiKey("Build token (laptop)", "s-theirs"));
            laptop.vaults.sync();

            int conflicts =
                    h.onAccount(
                            account -> {
                                account.vaults()
                                        .edit(
                                                ref[0],
                                                ref[1],
                                                apiKey("Build token (desk)", "s-mine"));
                                account.sync();
                                return account.conflicts();
                            });
            assertThat(conflicts).isEqualTo(1);

            robot.clickOn("#syncButton");
            h.waitUntil(
                    () ->
                            robot.lookup("#syncIndicator")
                                    .queryButton()
                                    .getText()
                                    .contains("1 to resolve"));
            robot.clickOn("#syncIndicator");
            h.waitUntil(
                    () ->
                            robot.lookup("#conflictList").queryAs(ListView.class).getItems().size()
                                    == 1);
            assertThat(h.text("#syncState")).startsWith("Online.").contains("1 conflict(s)");
            robot.clickOn("#resolveButton");
            h.waitUntil(() -> robot.lookup("#mine-Name").tryQuery().isPresent());
            assertThat(h.text("#mine-Name")).isEqualTo("Build token (desk)");
            assertThat(h.text("#theirs-Name")).isEqualTo("Build token (laptop)");
            assertThat(h.text("#theirs-key")).contains("differs");
            assertThat(shownTexts()).noneMatch(t -> t.contains("s-mine") || t.contains("s-theirs"));
            assertThat(
                            AccessibleNames.missing(
                                    robot.lookup("#versionsGrid").query().getScene().getRoot()))
                    .isEmpty();

            robot.clickOn("#keepMineButton");
            h.waitUntil(() -> robot.lookup("#versionsGrid").tryQuery().isEmpty());
            h.waitUntil(
                    () ->
                            robot.lookup("#syncIndicator")
                                    .queryButton()
                                    .getText()
                                    .equals("● Online"));
            int left = h.<Integer>onAccount(a -> a.conflicts());
            assertThat(left).isZero();
            laptop.engine.pull();
            try (ItemView v = laptop.vaults.get(ref[0], ref[1]).orElseThrow()) {
                assertThat(v.content().name()).isEqualTo("Build token (desk)");
            }
        }
    }

    /** Every label text in every window. */
    private static List<String> shownTexts() {
        return DesktopHarness.fx(
                () -> {
                    List<String> out = new java.util.ArrayList<>();
                    for (Window w : Window.getWindows()) {
                        collect(w.getScene().getRoot(), out);
                    }
                    return out;
                });
    }

    private static void collect(Parent p, List<String> out) {
        for (var n : p.getChildrenUnmodifiable()) {
            if (n instanceof Label l && l.getText() != null) {
                out.add(l.getText());
            }
            if (n instanceof Parent c) {
                collect(c, out);
            }
        }
    }

    private static ItemContent apiKey(String name, String secret) {
        return ItemContent.builder(
                        new ApiKey("build", SecretText.copyOf(secret.toCharArray())),
                        name,
                        Instant.parse("2026-01-02T03:04:05Z"))
                .build();
    }
}
