package dev.strongroom.cli.automation;

import java.io.IOException;
import java.util.List;
import sun.misc.Signal;

/**
 * Passes SIGTERM, SIGINT and SIGHUP on to the child of {@code strongroom run}, as a CI runner
 * cancelling a job expects: the JVM would otherwise exit at once and leave the child running.
 * SIGTERM goes through {@link Process#destroy()}; the others through {@code kill -NAME pid}, as the
 * JDK has no call to send them. Where a signal cannot be handled (the JVM reserves it, e.g. under
 * {@code -Xrs}), it keeps its default behaviour.
 */
final class SignalForwarding {

    private static final List<String> FORWARDED = List.of("TERM", "INT", "HUP");

    private SignalForwarding() {}

    static void forwardTo(Process child) {
        for (String name : FORWARDED) {
            try {
                Signal.handle(new Signal(name), s -> forward(child, name));
            } catch (IllegalArgumentException e) {
                // not available on this platform or reserved by the JVM: default behaviour
            }
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
