package dev.strongroom.cli.agent;

import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ErrorReporter;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.account.ServerProfile;
import dev.strongroom.client.account.ServerProfiles;
import dev.strongroom.client.agent.AgentException;
import dev.strongroom.client.agent.AgentServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The agent process: {@code java -cp <cli classpath> dev.strongroom.cli.agent.AgentMain --socket
 * PATH --profile NAME --config-dir DIR --idle-millis N}. No secret is ever on its command line or
 * in its environment: the password arrives over the socket in the {@code login} request.
 *
 * <p>Start-up handshake: one line on stdout, {@code ready <pid>} or {@code error <exit> <message>},
 * then stdout is closed (so the launching CLI can exit and nothing else is ever written there).
 * SIGTERM (and any normal JVM exit) wipes the keys and removes the socket.
 */
public final class AgentMain {

    private AgentMain() {}

    public static void main(String[] args) {
        PrintStream handshake = System.out;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(nowhere);
        System.setErr(nowhere);
        AgentConfig config;
        AgentHost host;
        try {
            config = parse(args);
            host = new AgentHost(config);
            host.attach(listen(config, host));
        } catch (Throwable e) {
            ErrorReporter.Classified c = ErrorReporter.classify(e, null);
            handshake.println("error " + c.code().code() + " " + c.message());
            handshake.close();
            System.exit(c.code().code());
            return;
        }
        Path pidFile = config.socket().resolveSibling(config.socket().getFileName() + ".pid");
        writePid(pidFile);
        AgentHost h = host;
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    h.emergencyLock();
                                    deleteQuietly(pidFile);
                                },
                                "strongroom-agent-exit"));
        ScheduledExecutorService deadline =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "strongroom-agent-deadline");
                            t.setDaemon(true);
                            return t;
                        });
        deadline.schedule(
                host::expireUnlessLoggedIn,
                AgentHost.LOGIN_DEADLINE.toMillis(),
                TimeUnit.MILLISECONDS);
        handshake.println("ready " + ProcessHandle.current().pid());
        handshake.close();
        try {
            host.awaitFinished();
            host.afterFinish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteQuietly(pidFile);
        System.exit(0);
    }

    private static AgentServer listen(AgentConfig config, AgentHost host) {
        try {
            return AgentServer.start(config.socket(), config.idle(), host, host::onIdle);
        } catch (IOException e) {
            throw new CliException(
                    ExitCode.ERROR,
                    "cannot listen on the agent socket "
                            + config.socket()
                            + " (directory not writable, or the path longer than about 100"
                            + " bytes?)");
        } catch (AgentException e) {
            // "an agent is already running at ...": an error of its own, not "locked".
            throw new CliException(ExitCode.ERROR, e.getMessage());
        }
    }

    static AgentConfig parse(String[] args) {
        Path socket = null;
        String profileName = null;
        Path configDir = null;
        Duration idle = null;
        if (args.length % 2 != 0) {
            throw usage();
        }
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--socket" -> socket = Path.of(value).toAbsolutePath();
                case "--profile" -> profileName = value;
                case "--config-dir" -> configDir = Path.of(value).toAbsolutePath();
                case "--idle-millis" -> {
                    try {
                        idle = Duration.ofMillis(Long.parseLong(value));
                    } catch (NumberFormatException e) {
                        throw usage();
                    }
                }
                default -> throw usage();
            }
        }
        if (socket == null || profileName == null || configDir == null || idle == null) {
            throw usage();
        }
        if (idle.compareTo(IdleTimeout.MIN) < 0 || idle.compareTo(IdleTimeout.MAX) > 0) {
            throw new CliException(ExitCode.USAGE, "agent idle timeout out of range");
        }
        String name = profileName;
        ServerProfile profile =
                ServerProfiles.open(configDir)
                        .get(name)
                        .orElseThrow(
                                () ->
                                        new CliException(
                                                ExitCode.NOT_FOUND,
                                                "no server profile named '" + name + "'"));
        return new AgentConfig(profile, configDir, socket, idle);
    }

    private static CliException usage() {
        return new CliException(
                ExitCode.USAGE,
                "usage: AgentMain --socket PATH --profile NAME --config-dir DIR --idle-millis N");
    }

    private static void writePid(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
            Files.createFile(
                    pidFile,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
            Files.writeString(
                    pidFile, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException | UnsupportedOperationException e) {
            // Only a convenience for people and tests; the socket is what matters.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Nothing more to do at exit.
        }
    }
}
