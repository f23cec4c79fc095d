package dev.strongroom.cli.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliContext;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.cli.Output;
import dev.strongroom.cli.agent.AgentConnection;
import dev.strongroom.cli.agent.AgentLauncher;
import dev.strongroom.cli.agent.IdleTimeout;
import dev.strongroom.client.account.ServerProfile;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.model.wire.Emails;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code login} and {@code unlock} share: read the password, start an agent for the profile,
 * have it log in (the password goes over the agent socket, never through argv or the environment)
 * and remember the account for the next {@code unlock}.
 */
final class Unlocker {

    static final int MAX_DEVICE_NAME = 100;

    private Unlocker() {}

    static int unlock(
            CommandSpec spec,
            String emailOption,
            boolean passwordStdin,
            String deviceOption,
            String idleOption,
            boolean json) {
        CliContext context = CliContext.of(spec);
        ServerProfile profile = context.profile();
        AccountMemory memory = new AccountMemory(context.configDir());
        Optional<AccountMemory.Entry> remembered = memory.get(profile);
        String email =
                emailOption != null
                        ? normalizeEmail(emailOption)
                        : remembered
                                .map(AccountMemory.Entry::email)
                                .orElseThrow(
                                        () ->
                                                new CliException(
                                                        ExitCode.AUTHENTICATION,
                                                        "no account is known on this device for"
                                                                + " server profile "
                                                                + profile.name()
                                                                + ": run strongroom login --email"
                                                                + " EMAIL"));
        String device =
                deviceOption != null
                        ? checkDevice(deviceOption)
                        : remembered
                                .filter(e -> e.email().equals(email))
                                .map(AccountMemory.Entry::device)
                                .orElseGet(Unlocker::defaultDevice);
        Duration idle = IdleTimeout.resolve(idleOption, context.env(IdleTimeout.ENV));
        AgentConnection agent = AgentConnection.of(context, profile);
        Optional<ObjectNode> running = agent.status();
        if (running.isPresent()) {
            return alreadyRunning(spec, running.get(), email, json);
        }
        char[] password = Passwords.existing(passwordStdin, "Master password for " + email);
        ObjectNode data;
        try {
            AgentLauncher.start(context.configDir(), profile.name(), agent.socket(), idle);
            data =
                    agent.call(
                            "login",
                            Map.of("email", email, "device", device),
                            Map.of("password", password));
        } finally {
            Bytes.wipe(password);
        }
        memory.remember(profile, email, device);
        if (data.hasNonNull("notice")) {
            spec.commandLine().getErr().println("strongroom: " + data.path("notice").asText());
            spec.commandLine().getErr().flush();
        }
        Output.result(
                spec.commandLine().getOut(),
                json,
                data,
                "unlocked "
                        + email
                        + " on "
                        + profile.name()
                        + " ("
                        + profile.endpoint().baseUrl()
                        + "); auto-lock after "
                        + IdleTimeout.describe(idle)
                        + " idle");
        return ExitCode.OK.code();
    }

    private static int alreadyRunning(
            CommandSpec spec, ObjectNode status, String email, boolean json) {
        if (!"unlocked".equals(status.path("state").asText())) {
            throw new CliException(
                    ExitCode.ERROR,
                    "another login on this profile is in progress (if it was abandoned, run strongroom lock)");
        }
        String unlockedAs = status.path("email").asText();
        if (!unlockedAs.equals(email)) {
            throw new CliException(
                    ExitCode.ERROR,
                    "already unlocked as "
                            + unlockedAs
                            + "; run strongroom logout first to use another account");
        }
        Output.result(spec.commandLine().getOut(), json, status, "already unlocked as " + email);
        return ExitCode.OK.code();
    }

    static String normalizeEmail(String email) {
        try {
            return Emails.normalize(email);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "--email is not a valid address");
        }
    }

    static String checkDevice(String name) {
        String n = name.strip();
        if (n.isEmpty()
                || n.length() > MAX_DEVICE_NAME
                || n.codePoints().anyMatch(Character::isISOControl)) {
            throw new CliException(
                    ExitCode.USAGE,
                    "--device must be 1 to " + MAX_DEVICE_NAME + " printable characters");
        }
        return n;
    }

    /** "strongroom-cli on HOST", from $HOSTNAME or /etc/hostname (no DNS lookup). */
    static String defaultDevice() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = Files.readString(Path.of("/etc/hostname")).strip();
            } catch (Exception e) {
                host = null;
            }
        }
        String name =
                host == null || host.isBlank()
                        ? "strongroom-cli"
                        : "strongroom-cli on " + host.replaceAll("\\p{Cntrl}", "");
        return name.length() > MAX_DEVICE_NAME ? name.substring(0, MAX_DEVICE_NAME) : name;
    }
}
