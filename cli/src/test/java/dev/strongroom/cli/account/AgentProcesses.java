package dev.strongroom.cli.account;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finds and ends agent processes started by a test (their command line names its temp dir). */
final class AgentProcesses {

    private AgentProcesses() {}

    static List<ProcessHandle> under(Path dir) {
        String marker = dir.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(
                        p ->
                                p.info()
                                        .commandLine()
                                        .map(c -> c.contains("AgentMain") && c.contains(marker))
                                        .orElse(false))
                .toList();
    }

    /** SIGTERM (the agent wipes and exits), then SIGKILL for any that linger. */
    static void killAll(Path dir) throws InterruptedException {
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
