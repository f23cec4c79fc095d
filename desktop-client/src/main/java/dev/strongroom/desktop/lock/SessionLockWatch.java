package dev.strongroom.desktop.lock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;

/**
 * Locks the app when the machine slept ({@link SleepDetector}, every OS) and, on Linux desktops
 * that have {@code gdbus} (GLib; no new Java dependency), when logind or the screensaver says the
 * session locks or the machine prepares to sleep. Without {@code gdbus} only sleep is detected.
 */
public final class SessionLockWatch {

    static final Duration PERIOD = Duration.ofSeconds(2);
    static final Duration TOLERANCE = Duration.ofSeconds(20);
    static final List<List<String>> MONITORS =
            List.of(
                    List.of("--system", "--dest", "org.freedesktop.login1"),
                    List.of("--session", "--dest", "org.freedesktop.ScreenSaver"),
                    List.of("--session", "--dest", "org.gnome.ScreenSaver"));

    private final Runnable lock;
    private final SleepDetector sleep = SleepDetector.system(PERIOD, TOLERANCE);
    private final Timeline timer;
    private final List<Process> monitors = new ArrayList<>();
    private volatile boolean running;

    public SessionLockWatch(Runnable lock) {
        this.lock = lock;
        this.timer =
                new Timeline(
                        new KeyFrame(
                                javafx.util.Duration.millis(PERIOD.toMillis()),
                                e -> {
                                    if (sleep.tick()) {
                                        fire();
                                    }
                                }));
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    public void start() {
        running = true;
        sleep.reset();
        timer.play();
        Path gdbus = gdbus();
        if (gdbus != null) {
            LockSignals signals = new LockSignals(System.getenv("XDG_SESSION_ID"));
            for (List<String> args : MONITORS) {
                monitor(gdbus, args, signals);
            }
        }
    }

    public void stop() {
        running = false;
        timer.stop();
        monitors.forEach(Process::destroy);
        monitors.clear();
    }

    private void fire() {
        if (running) {
            stop();
            lock.run();
        }
    }

    private void monitor(Path gdbus, List<String> args, LockSignals signals) {
        List<String> cmd = new ArrayList<>(List.of(gdbus.toString(), "monitor"));
        cmd.addAll(args);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            monitors.add(p);
            Thread t = new Thread(() -> read(p, signals), "strongroom-lock-signals");
            t.setDaemon(true);
            t.start();
        } catch (IOException e) {
            // no bus (e.g. a headless session): sleep detection still works
        }
    }

    private void read(Process p, LockSignals signals) {
        try (BufferedReader in =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (signals.locks(line)) {
                    Platform.runLater(this::fire);
                }
            }
        } catch (IOException e) {
            // the monitor ended (stop() or the bus went away)
        }
    }

    private static Path gdbus() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return null;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "gdbus");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
