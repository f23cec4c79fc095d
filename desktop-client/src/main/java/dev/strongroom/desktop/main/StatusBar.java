package dev.strongroom.desktop.main;

import dev.strongroom.desktop.alerts.AlertGate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.scene.control.Label;

/**
 * The main window's status line (sync state, offline, changes waiting, conflicts) and the red
 * banner that keeps every security alert of the run in view.
 */
final class StatusBar {

    static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

    private final Label status;
    private final Label queued;
    private final Label banner;

    StatusBar(Label status, Label queued, Label banner) {
        this.status = status;
        this.queued = queued;
        this.banner = banner;
    }

    void say(String message) {
        status.setText(message);
    }

    /** After a sync: online or offline, and what is still waiting. */
    void counts(boolean offline, int waiting, int conflicts) {
        status.setText(
                offline
                        ? "Offline: working from the copy on this computer"
                        : "Synced at " + LocalTime.now().format(HHMM));
        String text = waiting == 0 ? "" : waiting + " change(s) waiting to sync";
        if (conflicts > 0) {
            text += (text.isEmpty() ? "" : " · ") + conflicts + " conflict(s)";
        }
        queued.setText(text);
    }

    /** Shows the latest alert and how many there were; hidden while there is none. */
    void alerts(List<AlertGate.Raised> raised) {
        boolean any = !raised.isEmpty();
        banner.setVisible(any);
        banner.setManaged(any);
        if (any) {
            AlertGate.Raised last = raised.get(raised.size() - 1);
            banner.setText(
                    "Security alert ("
                            + raised.size()
                            + "): "
                            + last.message()
                            + ". Syncing is stopped.");
        }
    }
}
