package dev.strongroom.desktop.main;

import dev.strongroom.desktop.app.AppContext;
import java.time.Duration;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;

/**
 * Locks the app after the configured time without keyboard or mouse input in any of its windows
 * (the input filters are installed by {@link AppContext#prepare}). Checked once a second.
 */
final class IdleLock {

    private final AppContext context;
    private final Runnable lock;
    private final Timeline timer;

    IdleLock(AppContext context, Runnable lock) {
        this.context = context;
        this.lock = lock;
        this.timer = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> check()));
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    void start() {
        context.touch();
        timer.play();
    }

    void stop() {
        timer.stop();
    }

    private void check() {
        Duration limit = context.settings().autoLock();
        long idle = System.nanoTime() - context.lastActivityNanos();
        if (idle >= limit.toNanos()) {
            stop();
            lock.run();
        }
    }
}
