package dev.strongroom.cli.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliContext;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ErrorReporter;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.account.ServerProfile;
import dev.strongroom.client.agent.AgentClient;
import dev.strongroom.client.agent.AgentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The CLI's side of the agent: sends one command for the chosen profile and turns the reply into
 * data or a {@link CliException} with the agent's exit code and message. When no agent answers,
 * commands that need the vault fail with exit code 3 and {@value ErrorReporter#LOCKED}.
 */
public final class AgentConnection {

    private final Path socket;
    private final ServerProfile profile;

    public AgentConnection(Path socket, ServerProfile profile) {
        this.socket = socket;
        this.profile = profile;
    }

    /** The connection to the agent of the context's profile. */
    public static AgentConnection of(CliContext context, ServerProfile profile) {
        return new AgentConnection(context.agentSocket(profile), profile);
    }

    public Path socket() {
        return socket;
    }

    public ServerProfile profile() {
        return profile;
    }

    /** The agent's status, or empty when none is running (the vault is locked). */
    public Optional<ObjectNode> status() {
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        try {
            return Optional.of(call("status", Map.of(), Map.of()));
        } catch (CliException e) {
            if (e.exitCode() == ExitCode.AUTHENTICATION
                    && ErrorReporter.LOCKED.equals(e.getMessage())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Runs a command in the agent. The secrets are read, not wiped: the caller owns them.
     *
     * @throws CliException with the agent's exit code and message when the command failed, or
     *     AUTHENTICATION {@value ErrorReporter#LOCKED} when no agent is running
     */
    public ObjectNode call(String command, Map<String, String> args, Map<String, char[]> secrets) {
        Map<String, char[]> copies = new java.util.LinkedHashMap<>();
        secrets.forEach((k, v) -> copies.put(k, v.clone()));
        byte[] request;
        try (AgentRequest r =
                new AgentRequest(command, profile.name(), profile.endpoint().id(), args, copies)) {
            request = r.encode();
        }
        byte[] raw;
        try {
            raw = new AgentClient(socket).call(request);
        } catch (AgentException e) {
            throw new CliException(ExitCode.AUTHENTICATION, ErrorReporter.LOCKED);
        } finally {
            Arrays.fill(request, (byte) 0);
        }
        AgentResponse response;
        try {
            response = AgentResponse.parse(raw);
        } catch (AgentProtocolException e) {
            throw new CliException(ExitCode.ERROR, "bad reply from the agent: " + e.getMessage());
        }
        if (!response.ok()) {
            throw new CliException(response.exitCode(), response.error());
        }
        return response.data();
    }
}
