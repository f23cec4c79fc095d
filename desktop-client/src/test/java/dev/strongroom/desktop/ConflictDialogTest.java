package dev.strongroom.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.item.ApiKey;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.client.vault.ItemView;
import java.time.Instant;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.control.Label;
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
        SyncConflict conflict =
                SyncConflict.add(
                        h,
                        vaults -> vaults.listVaults().get(0).vaultId(),
                        apiKey("Build token", "s-old"));
        try (CoreDevice laptop = desktop.login(ALICE, "laptop")) {
            int conflicts =
                    conflict.editOnBoth(
                            laptop,
                            apiKey("Build token (laptop)", "s-theirs"),
                            apiKey("Build token (desk)", "s-mine"));
            assertThat(conflicts).isEqualTo(1);

            conflict.openSyncDialog();
            assertThat(h.text("#syncState")).startsWith("Online.").contains("1 conflict(s)");
            conflict.openConflictDialog();
            assertThat(h.text("#mine-Name")).isEqualTo("Build token (desk)");
            assertThat(h.text("#theirs-Name")).isEqualTo("Build token (laptop)");
            assertThat(h.text("#theirs-key")).contains("differs");
            assertThat(shownTexts()).noneMatch(t -> t.contains("s-mine") || t.contains("s-theirs"));
            assertThat(
                            AccessibleNames.missing(
                                    robot.lookup("#versionsGrid").query().getScene().getRoot()))
                    .isEmpty();

            conflict.keepMine();
            int left = h.<Integer>onAccount(a -> a.conflicts());
            assertThat(left).isZero();
            laptop.engine.pull();
            try (ItemView v = laptop.vaults.get(conflict.vault, conflict.item).orElseThrow()) {
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
