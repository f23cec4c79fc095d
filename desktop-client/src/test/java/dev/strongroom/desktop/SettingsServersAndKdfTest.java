package dev.strongroom.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.account.ServerProfile;
import dev.strongroom.client.account.ServerProfiles;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.desktop.app.DesktopApp;
import dev.strongroom.desktop.app.Settings;
import dev.strongroom.model.wire.KdfParams;
import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import java.nio.file.Path;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * Settings acting on the account and the servers: the KDF upgrade refuses a wrong password and then
 * re-wraps the account key with the recommended Argon2id parameters (the server serves them, the
 * same password still unlocks); the server list removes a spare profile and switches from the local
 * vault to a saved server and back.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsServersAndKdfTest {

    @TempDir static Path home;
    @TempDir static Path serverDir;
    private static StrongroomServer other;
    private DesktopApp app;

    @Start
    void start(Stage stage) {
        other = StrongroomServer.start(ServerConfig.defaults(serverDir).withPort(0));
        app = DesktopHarness.start(stage, home);
    }

    @Stop
    void stop() {
        app.shutdown();
    }

    @AfterAll
    static void stopServer() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void kdfUpgradeAndServerProfiles(FxRobot robot) {
        DesktopHarness h = DesktopHarness.of(robot, app, home);
        h.chooseLocalVault();
        h.register("kdf@example.test");

        // KDF upgrade: registered with the cheap test parameters, so it is offered
        robot.clickOn("#settingsButton");
        h.waitUntil(() -> h.showing("#kdfLabel"));
        assertThat(h.text("#kdfLabel")).contains("Argon2id, 19 MiB, 2 passes, 1 lane");
        h.type("#kdfPassword", "not the password");
        robot.clickOn("#kdfUpgrade");
        h.waitUntil(() -> h.text("#kdfMessage").startsWith("Wrong master password."));
        h.type("#kdfPassword", DesktopHarness.PASSWORD);
        robot.clickOn("#kdfUpgrade");
        h.waitUntil(() -> h.text("#kdfMessage").startsWith("Strengthened."));
        assertThat(h.text("#kdfLabel")).contains("Argon2id, 64 MiB, 3 passes, 4 lanes");
        assertThat(robot.lookup("#kdfUpgrade").queryButton().isDisabled()).isTrue();
        ServerEndpoint local = app.account().connection().endpoint();
        KdfParams served = ServerApi.connect(local).prelogin("kdf@example.test").kdf();
        assertThat(served.memoryKib()).isEqualTo(65536);
        assertThat(served.iterations()).isEqualTo(3);
        robot.clickOn("#settingsCancel");

        // The same password still unlocks, now through the stronger KDF
        DesktopHarness.fx(
                () -> {
                    app.lock();
                    return null;
                });
        h.unlock();

        // Servers: a saved server and a spare one beside the local vault in use
        ServerProfiles profiles = ServerProfiles.open(home);
        ServerEndpoint otherEndpoint = ServerEndpoint.of("http://127.0.0.1:" + other.port(), null);
        profiles.add(new ServerProfile("other", otherEndpoint));
        profiles.add(new ServerProfile("spare", otherEndpoint));
        robot.clickOn("#settingsButton");
        h.waitUntil(() -> h.showing("#serverList"));
        assertThat(rows(robot))
                .containsExactly(
                        "Local vault on this computer",
                        "other — " + otherEndpoint.baseUrl(),
                        "spare — " + otherEndpoint.baseUrl());
        select(robot, 0);
        assertThat(robot.lookup("#switchServer").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#removeServer").queryButton().isDisabled()).isTrue();
        select(robot, 2);
        robot.clickOn("#removeServer");
        h.waitUntil(() -> rows(robot).size() == 2);
        assertThat(ServerProfiles.open(home).get("spare")).isEmpty();

        select(robot, 1);
        robot.clickOn("#switchServer");
        h.waitUntil(
                () ->
                        app.account() == null
                                && h.showing("#unlockButton")
                                && h.text("#whereLabel").startsWith("Server http://127.0.0.1"));
        assertThat(app.context().settings().mode()).isEqualTo(Settings.Mode.REMOTE);
        assertThat(app.context().settings().remoteProfile()).isEqualTo("other");
        h.register("elsewhere@example.test");
        assertThat(app.account().connection().endpoint().baseUrl())
                .isEqualTo(otherEndpoint.baseUrl());

        // And back to the local vault, whose account is still there
        robot.clickOn("#settingsButton");
        h.waitUntil(() -> h.showing("#serverList"));
        select(robot, 0);
        robot.clickOn("#switchServer");
        h.waitUntil(
                () ->
                        h.showing("#unlockButton")
                                && h.text("#whereLabel").startsWith("Local vault"));
        robot.clickOn("#emailField");
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A);
        robot.write("kdf@example.test");
        h.unlock();
        assertThat(app.account().email()).isEqualTo("kdf@example.test");
    }

    private static java.util.List<String> rows(FxRobot robot) {
        return DesktopHarness.fx(
                () -> {
                    ListView<?> list = robot.lookup("#serverList").queryListView();
                    return list.getItems().stream().map(Object::toString).toList();
                });
    }

    private static void select(FxRobot robot, int index) {
        DesktopHarness.fx(
                () -> {
                    robot.lookup("#serverList").queryListView().getSelectionModel().select(index);
                    return null;
                });
    }
}
