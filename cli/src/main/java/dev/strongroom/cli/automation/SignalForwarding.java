package dev.strongroom.cli.automation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;

/**
 * Passes SIGTERM, SIGINT and SIGHUP on to the child of {@code strongroom run}, as a CI runner
 * cancelling a job expects: the JVM would otherwise exit at once and leave the child running.
 * Installed before the child starts, so a signal that arrives meanwhile is held and delivered as
 * soon as there is a child. SIGTERM goes through {@link Process#destroy()}; the others through
 * {@code kill -NAME pid}, as the JDK has no call to send them. Where a signal cannot be handled
 * (the JVM reserves it, e.g. under {@code -Xrs}), it keeps its default behaviour.
 */
final class SignalForwarding {

    private static final List<String> FORWARDED = List.of("TERM", "INT", "HUP");

    private Process child;
    private final List<String> pending = new ArrayList<>();

    private SignalForwarding() {}

    static SignalForwarding install() {
        SignalForwarding f = new SignalForwarding();
        for (String name : FORWARDED) {
            try {
                Signal.handle(new Signal(name), s -> f.received(name));
            } catch (IllegalArgumentException e) {
                // not available on this platform or reserved by the JVM: default behaviour
            }
        }
        return f;
    }

    /** The child from now on receives the signals, including any that came before it. */
    synchronized void attach(Process started) {
        child = started;
        pending.forEach(name -> forward(started, name));
        pending.clear();
    }

    private synchronized void received(String name) {
        if (child == null) {
            pending.add(name);
        } else {
            forward(child, name);
        }
    }

    private static void forward(Process child, String name) {
        if (!child.isAlive()) {
            return;
        }
        if (name.equals("TERM")) {
            child.destroy();
            return;
        }
        try {
            new ProcessBuilder("kill", "-" + name, Long.toString(child.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            child.destroy(); // no kill(1): ask it to stop the portable way
        }
    }
}
