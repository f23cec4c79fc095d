package dev.strongroom.desktop.items;

import dev.strongroom.client.totp.Totp;
import dev.strongroom.client.totp.TotpKey;
import java.time.Instant;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;

/**
 * Shows a login's current TOTP code and the seconds left in its period, refreshed every second.
 * Owns the {@link TotpKey} and wipes it on {@link #stop()}.
 */
public final class TotpTicker {

    private final TotpKey key;
    private final Label code;
    private final Label seconds;
    private final ProgressBar progress;
    private final Timeline timeline;

    public TotpTicker(TotpKey key, Label code, Label seconds, ProgressBar progress) {
        this.key = key;
        this.code = code;
        this.seconds = seconds;
        this.progress = progress;
        this.timeline = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> refresh()));
        timeline.setCycleCount(Timeline.INDEFINITE);
    }

    public void start() {
        refresh();
        timeline.play();
    }

    /** The code shown now (for copying). */
    public String currentCode() {
        return Totp.code(key, Instant.now());
    }

    private void refresh() {
        Instant now = Instant.now();
        String c = Totp.code(key, now);
        int half = c.length() / 2;
        code.setText(c.substring(0, half) + " " + c.substring(half));
        long left = Totp.secondsRemaining(key, now);
        seconds.setText(left + " s");
        seconds.setAccessibleText("Code changes in " + left + " seconds");
        progress.setProgress((double) left / key.periodSeconds());
    }

    public void stop() {
        timeline.stop();
        key.close();
    }
}
