package dev.strongroom.desktop;

import dev.strongroom.desktop.app.DesktopApp;
import dev.strongroom.desktop.app.OpenAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationAdapter;
import org.testfx.framework.junit5.ApplicationFixture;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The setup every desktop UI test shares, as one field: {@code @RegisterExtension final
 * DesktopFixture desktop = new DesktopFixture();}. Before each test it starts the real app on a
 * fresh home directory (the embedded local vault's real server and SQLite files live there) on
 * TestFX's primary stage; after it, it shuts the app down and deletes the directories. Other people
 * get their own directories under {@link #others}, driven through client-core.
 */
final class DesktopFixture implements BeforeEachCallback, AfterEachCallback, ApplicationFixture {

    static final String ALICE = "alice@example.test";
    static final String BOB = "bob@example.test";
    static final String CAROL = "carol@example.test";

    final FxRobot robot = new FxRobot();
    private final ApplicationAdapter adapter = new ApplicationAdapter(this);
    Path home;
    Path others;
    Stage stage;
    DesktopApp app;
    DesktopHarness h;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        home = Files.createTempDirectory("strongroom-desktop-");
        others = Files.createTempDirectory("strongroom-others-");
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupApplication(() -> adapter);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            FxToolkit.cleanupAfterTest(robot, adapter);
            WaitForAsyncUtils.waitForFxEvents();
        } finally {
            delete(home);
            delete(others);
        }
    }

    @Override
    public void init() {}

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        app = DesktopHarness.start(stage, home);
        h = DesktopHarness.of(robot, app, home);
    }

    @Override
    public void stop() {
        app.shutdown();
    }

    /** First run on the local vault with {@link #ALICE} registered in the UI. */
    DesktopHarness aliceOnLocalVault() {
        h.chooseLocalVault();
        h.register(ALICE);
        return h;
    }

    /** Another person on the app's server, driven through client-core's device services. */
    CoreDevice device(String email) {
        return CoreDevice.register(app.account().connection().endpoint(), email, otherHome(email));
    }

    /** Another device of an existing account on the app's server, driven through client-core. */
    CoreDevice login(String email, String deviceName) {
        return CoreDevice.login(
                app.account().connection().endpoint(), email, otherHome(deviceName));
    }

    /** Another person on the app's server, as the desktop's own account wiring opens one. */
    OpenAccount account(String email) {
        return SecondUser.open(app.account().connection(), otherHome(email), email);
    }

    /** Registers another person without logging in. */
    void register(String email) {
        SecondUser.register(app.account().connection(), otherHome(email), email);
    }

    /** A directory of its own for another person or device, under {@link #others}. */
    Path otherHome(String name) {
        try {
            return Files.createDirectories(others.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(DesktopFixture::deleteOne);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteOne(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a file some background thread still holds open: the OS temp cleaner takes it
        }
    }
}
