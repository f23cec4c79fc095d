package dev.strongroom.bench.desktop;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Times FX-thread outcomes: when a condition first holds at the end of a pulse's layout (the frame
 * that shows it is then rendered from that state), and when a model change was delivered.
 */
final class FxProbe {

    private FxProbe() {}

    /** Runs {@code action} on the FX thread and waits; rethrows its failure. */
    static void fx(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        RuntimeException[] failure = new RuntimeException[1];
        Platform.runLater(
                () -> {
                    try {
                        action.run();
                    } catch (RuntimeException e) {
                        failure[0] = e;
                    } finally {
                        done.countDown();
                    }
                });
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("FX thread did not answer within 60 s");
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /**
     * Arms a post-layout pulse listener (call on the FX thread) that records {@link
     * System#nanoTime()} into {@code at[0]} at the first pulse where {@code shown} holds.
     */
    static CountDownLatch atPulse(Scene scene, BooleanSupplier shown, long[] at) {
        CountDownLatch latch = new CountDownLatch(1);
        Runnable[] self = new Runnable[1];
        self[0] =
                () -> {
                    if (latch.getCount() > 0 && shown.getAsBoolean()) {
                        at[0] = System.nanoTime();
                        latch.countDown();
                        Platform.runLater(() -> scene.removePostLayoutPulseListener(self[0]));
                    }
                };
        scene.addPostLayoutPulseListener(self[0]);
        Platform.requestNextPulse();
        return latch;
    }

    static void await(CountDownLatch latch, String what) throws InterruptedException {
        await(latch, what, 120);
    }

    static void await(CountDownLatch latch, String what, int seconds) throws InterruptedException {
        if (!latch.await(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException(what + " did not happen within " + seconds + " s");
        }
    }
}
