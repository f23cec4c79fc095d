package dev.strongroom.installers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion and keeps its exit code and merged output. */
record Run(int exit, String output) {

    static Run of(Path dir, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static Run of(String... command) throws IOException, InterruptedException {
        return of(null, Map.of(), command);
    }

    static boolean onPath(String tool) throws IOException, InterruptedException {
        return of("sh", "-c", "command -v " + tool).exit() == 0;
    }

    static Path dist() {
        return Path.of(System.getProperty("strongroom.dist", "target/dist"));
    }
}
