package dev.strongroom.cli.agent;

import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Starts the agent as a detached background process of the same Java runtime and class path as this
 * CLI, and waits for its one-line start-up handshake. The child gets no terminal: stdin is closed
 * at once, stderr discarded, stdout is read for the handshake only and then closed; it runs in
 * {@code /}. Its command line holds paths, a profile name and the idle timeout, never a secret. The
 * JVM is started with the attach mechanism disabled, so tools such as jcmd cannot connect to it and
 * dump its heap (this does not stop a debugger run as the same user: see cli/README.md).
 */
public final class AgentLauncher {

    static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private AgentLauncher() {}

    /**
     * Starts an agent for the profile and returns once it listens on {@code socket}.
     *
     * @throws CliException when it reports an error or does not come up in time
     */
    public static void start(Path configDir, String profile, Path socket, Duration idle) {
        String classPath = System.getProperty("java.class.path");
        if (classPath == null || classPath.isBlank()) {
            throw new CliException(ExitCode.ERROR, "cannot start the agent: no class path");
        }
        List<String> command = new ArrayList<>();
        setsid().ifPresent(command::add);
        command.addAll(
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:+DisableAttachMechanism",
                        "-XX:+UseSerialGC",
                        "-Xshare:auto",
                        "-cp",
                        absolute(classPath),
                        AgentMain.class.getName(),
                        "--socket",
                        socket.toString(),
                        "--profile",
                        profile,
                        "--config-dir",
                        configDir.toString(),
                        "--idle-millis",
                        Long.toString(idle.toMillis())));
        Process process;
        try {
            process =
                    new ProcessBuilder(command)
                            .directory(new File("/"))
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new CliException(ExitCode.ERROR, "cannot start the agent process");
        }
        String line = handshake(process);
        if (line != null && line.startsWith("ready ")) {
            return;
        }
        if (line != null && line.matches("error \\d+ .*")) {
            String[] parts = line.split(" ", 3);
            throw new CliException(ExitCode.of(Integer.parseInt(parts[1])), parts[2]);
        }
        process.destroyForcibly();
        throw new CliException(ExitCode.ERROR, "the agent did not start");
    }

    /** The class path with absolute entries: the agent runs in another directory. */
    static String absolute(String classPath) {
        StringJoiner out = new StringJoiner(File.pathSeparator);
        for (String entry : classPath.split(Pattern.quote(File.pathSeparator))) {
            if (!entry.isEmpty()) {
                out.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return out.toString();
    }

    /**
     * setsid(1) when installed: the agent then runs in a session of its own, without a controlling
     * terminal, so a Ctrl-C or a closed terminal never reaches it. Without it the agent stays in
     * the CLI's process group (it is still detached from the terminal's input and output).
     */
    private static Optional<String> setsid() {
        for (String candidate : new String[] {"/usr/bin/setsid", "/bin/setsid"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String handshake(Process process) {
        InputStream in = process.getInputStream();
        CompletableFuture<String> line =
                CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return new BufferedReader(
                                                new InputStreamReader(in, StandardCharsets.UTF_8),
                                                1024)
                                        .readLine();
                            } catch (IOException e) {
                                return null;
                            }
                        });
        try {
            return line.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new CliException(
                    ExitCode.ERROR,
                    "the agent did not start within " + START_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new CliException(ExitCode.ERROR, "interrupted while starting the agent");
        } finally {
            try {
                in.close();
            } catch (IOException e) {
                // The handshake is over either way.
            }
        }
    }
}
