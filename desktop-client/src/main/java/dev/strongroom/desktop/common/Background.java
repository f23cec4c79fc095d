package dev.strongroom.desktop.common;

import dev.strongroom.client.alert.SecurityAlert;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * Runs client-core work (KDF, network, decryption) as {@link Task}s on one worker thread, so the FX
 * thread never waits and client-core objects are never used concurrently. Results and failures come
 * back on the FX thread. A {@link SecurityAlert} anywhere in a failure's cause chain goes to the
 * alert sink first (a blocking dialog: an alert is never just an error message); the task's own
 * failure handler still runs afterwards, so its screen can leave its busy state.
 */
public final class Background {

    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "strongroom-worker");
                        t.setDaemon(true);
                        return t;
                    });
    private final AtomicInteger running = new AtomicInteger();
    private final Consumer<SecurityAlert> alerts;

    public Background(Consumer<SecurityAlert> alerts) {
        this.alerts = alerts;
    }

    /** Runs {@code work} on the worker; {@code onSuccess} / {@code onFailure} on the FX thread. */
    public <T> Task<T> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task =
                new Task<>() {
                    @Override
                    protected T call() throws Exception {
                        return work.call();
                    }
                };
        task.setOnSucceeded(e -> done(() -> onSuccess.accept(task.getValue())));
        task.setOnFailed(
                e ->
                        done(
                                () -> {
                                    Throwable failure = task.getException();
                                    SecurityAlert alert = securityAlertIn(failure);
                                    if (alert != null) {
                                        alerts.accept(alert);
                                    }
                                    onFailure.accept(failure);
                                }));
        task.setOnCancelled(e -> running.decrementAndGet());
        running.incrementAndGet();
        worker.execute(task);
        return task;
    }

    /** Runs {@code work} on the worker with nothing to report back except failures. */
    public void run(Runnable work, Consumer<Throwable> onFailure) {
        run(
                () -> {
                    work.run();
                    return null;
                },
                ignored -> {},
                onFailure);
    }

    private void done(Runnable handler) {
        try {
            handler.run();
        } finally {
            running.decrementAndGet();
        }
    }

    /** True when no task is queued, running, or waiting for its FX-thread handler. */
    public boolean isIdle() {
        return running.get() == 0;
    }

    /** The first SecurityAlert in a cause chain, or null. */
    public static SecurityAlert securityAlertIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SecurityAlert alert) {
                return alert;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** Lets queued work (locking, closing the server) finish, waiting up to ten seconds. */
    public void shutdownAndWait() {
        worker.shutdown();
        try {
            worker.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs on the FX thread now if already there, else later. */
    public static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
