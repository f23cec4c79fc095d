package dev.strongroom.desktop.app;

import dev.strongroom.client.account.ServerProfile;
import dev.strongroom.client.account.ServerProfiles;
import dev.strongroom.desktop.alerts.AlertGate;
import dev.strongroom.desktop.clipboard.ClipboardGuard;
import dev.strongroom.desktop.common.Background;
import dev.strongroom.desktop.common.Themes;
import dev.strongroom.desktop.firstrun.FirstRunController;
import dev.strongroom.desktop.local.LocalVaultServer;
import dev.strongroom.desktop.main.MainController;
import dev.strongroom.desktop.unlock.RetryLimiter;
import dev.strongroom.desktop.unlock.UnlockController;
import java.time.Clock;
import java.util.ArrayList;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The app's screens and their order: first run (choose where the vault is), unlock, main window,
 * and back to unlock on lock. Owns the connection (and the embedded server in local mode) and the
 * unlocked account. FX thread only; client-core work goes through {@link Background}.
 */
public final class DesktopApp implements Navigator {

    static final String PROFILE_NAME = "desktop";

    private final AppConfig config;
    private final StackPane shell = new StackPane();
    private final RetryLimiter retries = new RetryLimiter(Clock.systemUTC());
    private AppContext context;
    private Connection connection;
    private OpenAccount account;
    private MainController main;

    public DesktopApp(AppConfig config) {
        this.config = config;
    }

    public void start(Stage stage) {
        Settings settings = Settings.load(config.home());
        AlertGate alerts = new AlertGate(config.home(), () -> stage, settings::theme);
        alerts.setOnLock(this::lock);
        Background background = new Background(alerts::raise);
        ClipboardGuard clipboard = new ClipboardGuard(settings::clipboardClear);
        context = new AppContext(config, settings, background, alerts, clipboard, stage);
        shell.getStyleClass().add("shell");
        Scene scene = new Scene(shell, 1100, 720);
        context.prepare(scene);
        stage.setTitle("Strongroom");
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        stage.setScene(scene);
        // explicit, so a stage that was already shown (tests) takes the scene's size too
        stage.setWidth(1100);
        stage.setHeight(720);
        stage.show();
        if (settings.mode() == Settings.Mode.NONE) {
            showFirstRun();
        } else {
            showUnlock();
        }
    }

    public AppContext context() {
        return context;
    }

    private void setScreen(Parent view) {
        shell.getChildren().setAll(view);
        Themes.apply(context.stage().getScene(), context.settings().theme());
    }

    @Override
    public void showFirstRun() {
        closeConnection();
        setScreen(new FirstRunController(context, this).view());
    }

    @Override
    public void useLocalVault() {
        context.settings().useLocal();
        context.settings().save();
        closeConnection();
        showUnlock();
    }

    @Override
    public void useServer(ServerProfile profile) {
        ServerProfiles profiles = ServerProfiles.open(config.home());
        String name = ProfileNames.forEndpoint(profile.endpoint(), profiles);
        ServerProfile named = new ServerProfile(name, profile.endpoint());
        if (profiles.get(name).isPresent()) {
            profiles.replace(named);
        } else {
            profiles.add(named);
        }
        profiles.use(name);
        context.settings().useRemote(name);
        context.settings().save();
        closeConnection();
        showUnlock();
    }

    @Override
    public void switchServer(String profileName) {
        if (profileName == null) {
            context.settings().useLocal();
        } else {
            ServerProfiles.open(config.home()).use(profileName);
            context.settings().useRemote(profileName);
        }
        context.settings().save();
        // Detached first, so the unlock screen that lock() shows connects to the new choice; the
        // old one closes after the locked account has logged out through it.
        Connection old = connection;
        connection = null;
        lock();
        if (old != null) {
            context.background().run(old::close, e -> {});
        }
    }

    @Override
    public void showUnlock() {
        UnlockController unlock = new UnlockController(context, this, retries);
        setScreen(unlock.view());
        withConnection(unlock::connected, unlock::connectionFailed);
    }

    /** Connects (starting the embedded server in local mode) once, in the background. */
    private void withConnection(Consumer<Connection> ready, Consumer<Throwable> failed) {
        if (connection != null) {
            ready.accept(connection);
            return;
        }
        Settings settings = context.settings();
        Settings.Mode mode = settings.mode();
        String profile = settings.remoteProfile();
        context.background()
                .run(
                        () -> open(mode, profile),
                        c -> {
                            connection = c;
                            ready.accept(c);
                        },
                        failed);
    }

    private Connection open(Settings.Mode mode, String profileName) {
        if (mode == Settings.Mode.LOCAL) {
            return Connection.local(LocalVaultServer.start(config.localServerDir()));
        }
        ServerProfile profile =
                ServerProfiles.open(config.home())
                        .get(profileName == null ? PROFILE_NAME : profileName)
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "the server profile is missing; choose the"
                                                        + " server again"));
        return Connection.remote(profile);
    }

    @Override
    public void showMain(OpenAccount unlocked) {
        account = unlocked;
        context.alerts().resetSyncBlock();
        context.touch();
        main = new MainController(context, this, unlocked);
        setScreen(main.view());
        main.start();
    }

    @Override
    public void lock() {
        if (main != null) {
            main.dispose();
            main = null;
        }
        context.clipboard().clearIfOurs();
        closeDialogs();
        OpenAccount open = account;
        account = null;
        if (open != null) {
            context.background().run(open::logoutAndClose, e -> {});
        }
        showUnlock();
    }

    /** Hides every window but the main one and a security alert (secret fields wipe on hide). */
    private void closeDialogs() {
        Stage alert = context.alerts().showingDialog();
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w != context.stage() && w != alert) {
                w.hide();
            }
        }
    }

    /** The unlocked account, or null when locked (tests). */
    public OpenAccount account() {
        return account;
    }

    private void closeConnection() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            context.background().run(c::close, e -> {});
        }
    }

    /** Locks, stops the embedded server and the worker; called when the app exits. */
    public void shutdown() {
        if (main != null) {
            main.dispose();
            main = null;
        }
        context.clipboard().clearIfOurs();
        OpenAccount open = account;
        Connection c = connection;
        account = null;
        connection = null;
        context.background()
                .run(
                        () -> {
                            if (open != null) {
                                open.logoutAndClose();
                            }
                            if (c != null) {
                                c.close();
                            }
                        },
                        e -> {});
        context.background().shutdownAndWait();
    }
}
