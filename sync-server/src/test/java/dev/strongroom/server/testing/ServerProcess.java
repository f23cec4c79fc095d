package dev.strongroom.server.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server as a separate JVM ({@code dev.strongroom.server.Main} on the test classpath), so
 * a test can SIGKILL or SIGTERM it, run two of them on one database, and run its commands exactly
 * as an operator would. Output goes to a log file; the port (the server is started with {@code
 * --port 0}) is read from the start-up line.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+) ");

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code serve --port 0} with the given options and waits until it listens. */
    public static ServerProcess start(Path workDir, List<String> options) throws IOException {
        Files.createDirectories(workDir);
        Path log = Files.createTempFile(workDir, "server-", ".log");
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0"));
        args.addAll(options);
        Process p =
                new ProcessBuilder(command(args))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return new ServerProcess(p, Integer.parseInt(m.group(1)), log);
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("server exited at start: " + Files.readString(log));
            }
            sleep(50);
        }
        p.destroyForcibly();
        throw new IllegalStateException("server did not start: " + Files.readString(log));
    }

    /** Runs a server command (e.g. {@code audit verify --data-dir d}) to completion. */
    public static Result run(List<String> args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command(args)).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("command timed out: " + args);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** What a finished command did. */
    public record Result(int exitCode, String output) {}

    private static List<String> command(List<String> args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        // C1 only and a small heap: these JVMs live for seconds; start-up dominates.
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Xmx256m");
        cmd.add("-cp");
        cmd.add(classpath());
        cmd.add("dev.strongroom.server.Main");
        cmd.addAll(args);
        return cmd;
    }

    /** The real test classpath (surefire may run tests from a manifest-only jar). */
    static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        return String.join(File.pathSeparator, cp.split(File.pathSeparator));
    }

    public Api api() {
        return new Api("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(log unreadable)";
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no graceful stop. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("server did not die");
        }
    }

    /** SIGTERM and wait for the exit code (graceful stop), falling back to SIGKILL. */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            terminate();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
