package dev.strongroom.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.desktop.app.DesktopApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The everyday path, headless: first run with a local vault, create an account, create items,
 * search, reveal and copy (the clipboard holds the value, then is cleared), edit, and restore from
 * history. Everything runs against the real embedded server and real SQLite files.
 */
@ExtendWith(ApplicationExtension.class)
class ItemWorkflowTest {

    @TempDir static Path home;
    private DesktopApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = DesktopHarness.start(stage, home);
    }

    @Stop
    void stop() {
        app.shutdown();
    }

    @Test
    void firstRunCreateSearchCopyEditRestore(FxRobot robot) {
        DesktopHarness h = DesktopHarness.of(robot, app, home);
        assertThat(h.text("#localPath")).contains(home.resolve("local-vault").toString());
        h.chooseLocalVault();
        h.register("ada@example.test");
        assertThat(h.text("#accountLabel")).startsWith("ada@example.test");
        assertThat(Files.isDirectory(home.resolve("local-vault"))).isTrue();
        h.assertListed();

        // Ctrl+N: a new login
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        h.waitUntil(() -> h.showing("#saveButton"));
        h.type("#nameField", "GitHub");
        h.type("#usernameField", "octocat");
        h.type("#secretPasswordField", "hunter2-secret");
        h.type("#urlsArea", "https://github.com/login");
        h.type("#tagsField", "code, work");
        robot.clickOn("#saveButton");
        h.assertListed("GitHub");

        // New menu: an API key
        robot.clickOn("#newButton").clickOn("API key");
        h.waitUntil(() -> h.showing("#secretKeyField"));
        h.type("#nameField", "AWS production");
        h.type("#keyIdField", "AKIAEXAMPLE");
        h.type("#secretKeyField", "aws-secret-key-value");
        robot.clickOn("#saveButton");
        h.assertListed("AWS production", "GitHub");

        // Instant search over names, usernames, URLs and tags
        h.type("#searchField", "octo");
        h.assertListed("GitHub");
        robot.push(KeyCode.CONTROL, KeyCode.A).write("github.com");
        h.assertListed("GitHub");
        robot.push(KeyCode.CONTROL, KeyCode.A).write("produ");
        h.assertListed("AWS production");
        robot.push(KeyCode.CONTROL, KeyCode.A).write("work");
        h.assertListed("GitHub");
        robot.push(KeyCode.CONTROL, KeyCode.A).write("nothing-matches");
        h.assertListed();
        robot.push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        h.assertListed("AWS production", "GitHub");

        // Detail: masked, reveal, copy with clearing
        h.selectItem("GitHub");
        h.waitUntil(() -> h.showing("#value-password"));
        assertThat(h.text("#detailName")).isEqualTo("GitHub");
        assertThat(h.text("#value-password")).doesNotContain("hunter2");
        robot.clickOn("#reveal-password");
        assertThat(h.text("#value-password")).isEqualTo("hunter2-secret");
        robot.clickOn("#reveal-password");
        assertThat(h.text("#value-password")).doesNotContain("hunter2");

        DesktopHarness.fx(
                () -> {
                    app.context().settings().setClipboardClear(Duration.ofSeconds(2));
                    return null;
                });
        robot.clickOn("#copy-password");
        assertThat(clipboard()).isEqualTo("hunter2-secret");
        h.waitUntil(() -> !"hunter2-secret".equals(clipboardNow()));
        assertThat(clipboard()).isNull();

        // Keyboard: Ctrl+B username, Ctrl+C password (focus in the list)
        h.selectItem("GitHub");
        robot.push(KeyCode.CONTROL, KeyCode.B);
        assertThat(clipboard()).isEqualTo("octocat");
        robot.push(KeyCode.CONTROL, KeyCode.C);
        assertThat(clipboard()).isEqualTo("hunter2-secret");
        // Something else copied meanwhile: the timer must leave it alone.
        DesktopHarness.fx(
                () -> {
                    var c = new javafx.scene.input.ClipboardContent();
                    c.putString("user's own text");
                    return Clipboard.getSystemClipboard().setContent(c);
                });
        robot.sleep(2500);
        assertThat(clipboard()).isEqualTo("user's own text");

        // Edit
        robot.clickOn("#editButton");
        h.waitUntil(() -> h.showing("#saveButton"));
        robot.doubleClickOn("#nameField").push(KeyCode.CONTROL, KeyCode.A).write("GitHub (work)");
        robot.clickOn("#saveButton");
        h.waitUntil(() -> h.text("#detailName").equals("GitHub (work)"));
        h.assertListed("AWS production", "GitHub (work)");
        assertThat(h.text("#detailDates")).startsWith("Revision 2");

        // History: restore revision 1
        robot.clickOn("#historyButton");
        h.waitUntil(() -> h.showing("#revisionList") && revisions(robot) == 2);
        robot.interact(
                () ->
                        robot.lookup("#revisionList")
                                .queryListView()
                                .getSelectionModel()
                                .selectLast());
        robot.clickOn("#restoreButton");
        h.waitUntil(() -> h.text("#detailName").equals("GitHub"));
        assertThat(h.text("#detailDates")).startsWith("Revision 3");
        h.assertListed("AWS production", "GitHub");

        // Restart over the same home: straight to unlock (the embedded server comes back on
        // another port; KDF pin and cache are filed under the local vault's stable id).
        robot.interact(app::shutdown);
        robot.interact(() -> app = DesktopHarness.start(stage, home));
        DesktopHarness again = DesktopHarness.of(robot, app, home);
        again.waitUntil(
                () ->
                        again.showing("#unlockButton")
                                && again.text("#whereLabel").startsWith("Local vault"));
        assertThat(
                        DesktopHarness.fx(
                                () ->
                                        robot.lookup("#emailField")
                                                .queryTextInputControl()
                                                .getText()))
                .isEqualTo("ada@example.test");
        again.unlock();
        again.assertListed("AWS production", "GitHub");
    }

    private static int revisions(FxRobot robot) {
        return DesktopHarness.fx(
                () -> robot.lookup("#revisionList").queryListView().getItems().size());
    }

    private static String clipboard() {
        return DesktopHarness.fx(ItemWorkflowTest::clipboardNow);
    }

    private static String clipboardNow() {
        return Clipboard.getSystemClipboard().hasString()
                ? Clipboard.getSystemClipboard().getString()
                : null;
    }
}
