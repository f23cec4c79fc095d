package dev.strongroom.cli.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finds and ends agent processes started by a test (their command line names its temp dir). */
public final class AgentProcesses {

    private AgentProcesses() {}

    public static List<ProcessHandle> under(Path dir) {
        String marker = dir.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(
                        p -> {
                            String c = commandLine(p);
                            return c.contains("AgentMain") && c.contains(marker);
                        })
                .toList();
    }

    /**
     * The full command line. ProcessHandle.Info gives none for long ones (the test class path makes
     * the agent's long), so read /proc directly where there is one.
     */
    public static String commandLine(ProcessHandle p) {
        Path proc = Path.of("/proc", Long.toString(p.pid()), "cmdline");
        try {
            return new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return p.info().commandLine().orElse("");
        }
    }

    /**
     * True once no agent of the test runs (an agent that was told to lock may still be ending its
     * server session for a moment after the CLI returned).
     */
    public static boolean noneWithin(Path dir, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!under(dir).isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** SIGTERM (the agent wipes and exits), then SIGKILL for any that linger. */
    public static void killAll(Path dir) throws InterruptedException {
        List<ProcessHandle> agents = under(dir);
        agents.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : agents) {
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }
}
