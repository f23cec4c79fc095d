package dev.strongroom.desktop.alerts;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.desktop.app.Settings;
import dev.strongroom.desktop.common.Background;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Where every {@link SecurityAlert} client-core raises ends up: appended to {@code
 * security-alerts.log} in the app's home (code and plain message only; alerts carry no secrets),
 * kept in {@link #raised()} for the main window's banner, and shown as a blocking dialog, one at a
 * time. After an alert, syncing is stopped for the session ({@link #syncBlocked()}).
 */
public final class AlertGate {

    /** One alert as shown: when, its stable code and the plain message. */
    public record Raised(Instant at, String code, String message) {}

    private final Path log;
    private final Supplier<Window> owner;
    private final Supplier<Settings.Theme> theme;
    private final ObservableList<Raised> raised = FXCollections.observableArrayList();
    private final Deque<SecurityAlert> waiting = new ArrayDeque<>();
    private SecurityAlertDialog showing;
    private Runnable onLock = () -> {};
    private boolean syncBlocked;

    public AlertGate(Path home, Supplier<Window> owner, Supplier<Settings.Theme> theme) {
        this.log = home.resolve("security-alerts.log");
        this.owner = owner;
        this.theme = theme;
    }

    /** What "Lock Strongroom" does. */
    public void setOnLock(Runnable onLock) {
        this.onLock = onLock;
    }

    /** Shows the alert (queued behind one already showing). Any thread. */
    public void raise(SecurityAlert alert) {
        Background.onFx(
                () -> {
                    syncBlocked = true;
                    Raised r = new Raised(Instant.now(), alert.code().id(), alert.getMessage());
                    raised.add(r);
                    append(r);
                    waiting.add(alert);
                    showNext();
                });
    }

    private void showNext() {
        if (showing != null || waiting.isEmpty()) {
            return;
        }
        SecurityAlert next = waiting.poll();
        showing =
                new SecurityAlertDialog(
                        next,
                        owner.get(),
                        theme.get(),
                        () -> {
                            showing = null;
                            waiting.clear();
                            onLock.run();
                        },
                        () -> {
                            showing = null;
                            showNext();
                        });
        showing.show();
    }

    private void append(Raised r) {
        String line = r.at() + " " + r.code() + " " + r.message().replace('\n', ' ') + "\n";
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(
                    log,
                    line,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the dialog and the banner still show it; the file is a convenience record
        }
    }

    /** Every alert of this run, oldest first (FX thread). */
    public ObservableList<Raised> raised() {
        return raised;
    }

    /** True once an alert was raised: no automatic sync until the app is unlocked again. */
    public boolean syncBlocked() {
        return syncBlocked;
    }

    /** A new unlock starts with syncing allowed again (the alerts stay listed). */
    public void resetSyncBlock() {
        syncBlocked = false;
    }

    /** The dialog on screen, or null (tests and screenshots). */
    public Stage showingDialog() {
        return showing == null ? null : showing.stage();
    }
}
