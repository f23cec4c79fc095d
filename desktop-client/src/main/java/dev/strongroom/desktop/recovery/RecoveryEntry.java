package dev.strongroom.desktop.recovery;

import dev.strongroom.desktop.app.AppContext;
import dev.strongroom.desktop.app.OpenAccount;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.util.Duration;

/**
 * The toolbar's "Recovery" button with its badge: the number of requests waiting for this account's
 * decision, counted on the worker every minute and after every decision. Opens the break-glass
 * window.
 */
public final class RecoveryEntry {

    static final Duration RECOUNT_EVERY = Duration.seconds(60);

    private final AppContext context;
    private final RecoveryDesk desk;
    private final Button button;
    private final Label badge = new Label();
    private final Timeline timer;
    private RecoveryWindow window;
    private boolean stopped;

    public RecoveryEntry(AppContext context, OpenAccount account, Button button) {
        this.context = context;
        this.desk = new RecoveryDesk(account);
        this.button = button;
        badge.getStyleClass().add("badge");
        badge.setId("recoveryBadge");
        show(0);
        button.setGraphic(badge);
        button.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        button.setOnAction(e -> open());
        timer = new Timeline(new KeyFrame(RECOUNT_EVERY, e -> recount()));
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    public void start() {
        timer.play();
        recount();
    }

    /** On lock and exit: also wipes what the break-glass window opened or showed. */
    public void stop() {
        stopped = true;
        timer.stop();
        if (window != null) {
            window.close();
        }
    }

    private void open() {
        if (window == null) {
            window = new RecoveryWindow(context, desk, this::recount);
        }
        window.show();
    }

    /** Counts the requests waiting for this account (skipped while sync is stopped by an alert). */
    public void recount() {
        if (stopped || context.alerts().syncBlocked()) {
            return;
        }
        context.background()
                .run(
                        () -> (int) desk.inbox().stream().filter(Waiting::needsMe).count(),
                        n -> {
                            if (!stopped) {
                                show(n);
                            }
                        },
                        failure -> {});
    }

    private void show(int waiting) {
        badge.setText(String.valueOf(waiting));
        badge.setVisible(waiting > 0);
        badge.setManaged(waiting > 0);
        button.setAccessibleText(
                waiting == 0
                        ? "Break-glass recovery"
                        : "Break-glass recovery, " + waiting + " request(s) waiting for you");
    }

    /** The number on the badge (0 when hidden). */
    public int waiting() {
        return badge.isVisible() ? Integer.parseInt(badge.getText()) : 0;
    }
}
