package dev.strongroom.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.desktop.app.DesktopApp;
import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import dev.strongroom.server.tls.SelfSignedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * "Connect to a server": a real sync server over TLS with a self-signed certificate; the first-run
 * screen shows its SHA-256 fingerprint, the user confirms it, the pin is saved in the server
 * profile, and an account is created over the pinned connection.
 */
@ExtendWith(ApplicationExtension.class)
class RemoteServerTest {

    @TempDir static Path dir;
    static StrongroomServer server;
    static SelfSignedCertificate.Result cert;
    private DesktopApp app;

    @BeforeAll
    static void startServer() throws Exception {
        cert = SelfSignedCertificate.write(dir.resolve("tls"), List.of(), Duration.ofDays(2));
        server =
                StrongroomServer.start(
                        ServerConfig.defaults(dir.resolve("server"))
                                .withPort(0)
                                .withTls(cert.certificate(), cert.privateKey()));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        app = DesktopHarness.start(stage, dir.resolve("home"));
    }

    @Stop
    void stop() {
        app.shutdown();
    }

    @Test
    void fingerprintIsShownConfirmedPinnedAndUsed(FxRobot robot) throws Exception {
        DesktopHarness h = DesktopHarness.of(robot, app, dir.resolve("home"));
        h.waitUntil(() -> h.showing("#continueButton"));
        robot.clickOn("#serverOption");
        h.type("#urlField", "https://127.0.0.1:" + server.port());
        robot.clickOn("#continueButton");
        assertThat(h.text("#firstRunMessage")).isEqualTo("Check the server first.");

        robot.clickOn("#checkButton");
        h.waitUntil(() -> h.text("#fingerprintLabel").contains(cert.sha256Fingerprint()));
        robot.clickOn("#continueButton");
        assertThat(h.text("#firstRunMessage")).startsWith("Confirm that the fingerprint matches");
        robot.clickOn("#trustCheck");
        robot.clickOn("#continueButton");

        h.waitUntil(() -> h.showing("#unlockButton") && h.text("#whereLabel").contains("pinned"));
        assertThat(h.text("#whereLabel")).contains(cert.sha256Fingerprint());
        assertThat(Files.readString(dir.resolve("home/servers.json")))
                .contains(cert.sha256Fingerprint());

        h.register("remote@example.test");
        assertThat(h.text("#accountLabel")).isEqualTo("remote@example.test · server");
    }
}
