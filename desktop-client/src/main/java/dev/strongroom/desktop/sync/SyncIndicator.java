package dev.strongroom.desktop.sync;

import dev.strongroom.desktop.app.AppContext;
import dev.strongroom.desktop.app.OpenAccount;
import javafx.scene.control.Button;

/**
 * The status bar's sync button: a dot for online or offline, how many edits wait and how many
 * conflicts there are; it opens the sync dialog (queued changes, conflicts to resolve).
 */
public final class SyncIndicator {

    private final Button button;
    private final AppContext context;
    private final SyncDesk desk;
    private final Runnable resolved;

    /**
     * @param resolved run on the FX thread after a conflict is resolved (the main list re-syncs)
     */
    public SyncIndicator(
            AppContext context, OpenAccount account, Button button, Runnable resolved) {
        this.context = context;
        this.desk = new SyncDesk(account);
        this.button = button;
        this.resolved = resolved;
        button.setOnAction(e -> new ChangesDialog(context, desk, resolved).show());
        update(false, 0, 0);
    }

    /** After each status read: online state, queued edits, conflicts. */
    public void update(boolean offline, int queued, int conflicts) {
        button.getStyleClass().removeAll("online", "offline", "has-conflicts");
        button.getStyleClass().add(offline ? "offline" : "online");
        if (conflicts > 0) {
            button.getStyleClass().add("has-conflicts");
        }
        String text = (offline ? "● Offline" : "● Online");
        if (queued > 0) {
            text += " · " + queued + " queued";
        }
        if (conflicts > 0) {
            text += " · " + conflicts + " to resolve";
        }
        button.setText(text);
        button.setAccessibleText(
                (offline ? "Offline" : "Online")
                        + ", "
                        + queued
                        + " change(s) waiting, "
                        + conflicts
                        + " conflict(s). Open the sync details");
    }
}
