package dev.strongroom.desktop.app;

import dev.strongroom.desktop.alerts.AlertGate;
import dev.strongroom.desktop.clipboard.ClipboardGuard;
import dev.strongroom.desktop.common.Background;
import dev.strongroom.desktop.common.Themes;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.stage.Stage;

/**
 * What every screen shares: configuration, settings, the background worker, the alert gate, the
 * clipboard guard, the main stage and the time of the user's last input (for auto-lock).
 */
public final class AppContext {

    private final AppConfig config;
    private final Settings settings;
    private final Background background;
    private final AlertGate alerts;
    private final ClipboardGuard clipboard;
    private final Stage stage;
    private volatile long lastActivityNanos = System.nanoTime();

    AppContext(
            AppConfig config,
            Settings settings,
            Background background,
            AlertGate alerts,
            ClipboardGuard clipboard,
            Stage stage) {
        this.config = config;
        this.settings = settings;
        this.background = background;
        this.alerts = alerts;
        this.clipboard = clipboard;
        this.stage = stage;
    }

    public AppConfig config() {
        return config;
    }

    public Settings settings() {
        return settings;
    }

    public Background background() {
        return background;
    }

    public AlertGate alerts() {
        return alerts;
    }

    public ClipboardGuard clipboard() {
        return clipboard;
    }

    /** The main window (owner of every dialog). */
    public Stage stage() {
        return stage;
    }

    /** Styles a dialog's scene and counts its input as activity (auto-lock). */
    public void prepare(Scene scene) {
        Themes.apply(scene, settings.theme());
        scene.addEventFilter(InputEvent.ANY, this::touch);
    }

    private void touch(Event e) {
        lastActivityNanos = System.nanoTime();
    }

    /** Marks the user as active now. */
    public void touch() {
        lastActivityNanos = System.nanoTime();
    }

    /** Nanosecond timestamp ({@link System#nanoTime()}) of the last input anywhere in the app. */
    public long lastActivityNanos() {
        return lastActivityNanos;
    }
}
