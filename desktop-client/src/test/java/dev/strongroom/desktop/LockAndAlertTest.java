package dev.strongroom.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.desktop.app.DesktopApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * Locking and alerts: a wrong password is refused with a plain message and a wait; the app locks
 * itself after the idle time and on Ctrl+L; a security alert raised by background work blocks the
 * UI in a dialog that Escape and the close button cannot dismiss, and leaves a banner behind.
 */
@ExtendWith(ApplicationExtension.class)
class LockAndAlertTest {

    @TempDir static Path home;
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
    void wrongPasswordAutoLockShortcutLockAndBlockingAlert(FxRobot robot) throws Exception {
        DesktopHarness h = DesktopHarness.of(robot, app, home);
        h.chooseLocalVault();
        h.register("grace@example.test");

        // Auto-lock after 2 s without input
        DesktopHarness.fx(
                () -> {
                    app.context().settings().setAutoLock(Duration.ofSeconds(2));
                    return null;
                });
        h.waitUntil(() -> app.account() == null && h.showing("#unlockButton"));
        assertThat(h.text("#unlockTitle")).isEqualTo("Unlock Strongroom");

        // Wrong password: plain message, then a wait before the next try
        h.waitUntil(() -> !robot.lookup("#unlockButton").queryButton().isDisabled());
        h.type("#passwordField", "not the password");
        robot.clickOn("#unlockButton");
        h.waitUntil(() -> h.text("#unlockMessage").startsWith("Wrong email or master password."));
        assertThat(h.text("#unlockMessage")).contains("Try again in");
        assertThat(
                        DesktopHarness.fx(
                                () ->
                                        robot.lookup("#passwordField")
                                                .queryTextInputControl()
                                                .getLength()))
                .isZero();

        // Unlock, then Ctrl+L
        DesktopHarness.fx(
                () -> {
                    app.context().settings().setAutoLock(Duration.ofMinutes(5));
                    return null;
                });
        h.unlock();
        robot.push(KeyCode.CONTROL, KeyCode.L);
        h.waitUntil(() -> app.account() == null && h.showing("#unlockButton"));

        // An alert from background work blocks the UI (the task's own handler still runs)
        h.unlock();
        java.util.List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        DesktopHarness.fx(
                () ->
                        app.context()
                                .background()
                                .run(
                                        () -> {
                                            throw new IllegalStateException(
                                                    "wrapped",
                                                    new SecurityAlert(
                                                            SecurityAlertCode.HEAD_ROLLBACK,
                                                            "vault head 3 is older than pinned 5"));
                                        },
                                        ok -> {},
                                        failures::add));
        h.waitUntil(
                () ->
                        app.context().alerts().showingDialog() != null
                                && h.showing("#alertLockButton"));
        Stage dialog = DesktopHarness.fx(() -> app.context().alerts().showingDialog());
        assertThat(failures).hasSize(1);
        assertThat(h.text("#alertBanner")).contains("vault was rolled back");
        assertThat(Files.readString(home.resolve("security-alerts.log"))).contains("head_rollback");

        robot.push(KeyCode.ESCAPE);
        DesktopHarness.fx(
                () -> {
                    dialog.fireEvent(
                            new javafx.stage.WindowEvent(
                                    dialog, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
                    return null;
                });
        assertThat(DesktopHarness.fx(dialog::isShowing)).isTrue();

        // The main window is blocked: Ctrl+N does not open an editor behind the alert
        long windows = DesktopHarness.fx(() -> (long) Window.getWindows().size());
        robot.push(KeyCode.CONTROL, KeyCode.N);
        assertThat(DesktopHarness.fx(() -> (long) Window.getWindows().size())).isEqualTo(windows);
        assertThat(DesktopHarness.fx(dialog::isShowing)).isTrue();
        robot.clickOn("#newButton");
        assertThat(
                        DesktopHarness.fx(
                                () ->
                                        robot.lookup("#newButton")
                                                .<javafx.scene.control.MenuButton>query()
                                                .isShowing()))
                .isFalse();

        // Acknowledge by working offline: the banner stays and syncing stays stopped
        robot.clickOn("#alertOfflineButton");
        h.waitUntil(() -> !dialog.isShowing());
        assertThat(h.showing("#alertBanner")).isTrue();
        robot.clickOn("#syncButton");
        assertThat(h.text("#statusLabel")).startsWith("Syncing is stopped after a security alert");

        // A second alert, answered with "Lock Strongroom"
        DesktopHarness.fx(
                () -> {
                    app.context()
                            .alerts()
                            .raise(new SecurityAlert(SecurityAlertCode.BAD_SIGNATURE, "test"));
                    return null;
                });
        h.waitUntil(() -> h.showing("#alertLockButton"));
        robot.clickOn("#alertLockButton");
        h.waitUntil(() -> app.account() == null && h.showing("#unlockButton"));
    }
}
