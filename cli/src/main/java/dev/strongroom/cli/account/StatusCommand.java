package dev.strongroom.cli.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliContext;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.cli.Output;
import dev.strongroom.cli.agent.AgentConnection;
import dev.strongroom.cli.agent.IdleTimeout;
import dev.strongroom.client.account.ServerProfile;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom status [--json]}: the server profile, the account, and whether it is unlocked
 * (an agent holds its keys) with the agent's idle timeout. Exit 0 whether locked or not.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show the server, the account and whether it is locked.")
public final class StatusCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--json",
            description =
                    "Print JSON: {profile, server, email, state, serverSession, idleTimeoutSeconds,"
                            + " agentPid}; serverSession is pending after an offline unlock.")
    boolean json;

    @Override
    public Integer call() {
        CliContext context = CliContext.of(spec);
        ServerProfile profile = context.profile();
        Optional<ObjectNode> agent = AgentConnection.of(context, profile).status();
        String remembered =
                new AccountMemory(context.configDir())
                        .get(profile)
                        .map(AccountMemory.Entry::email)
                        .orElse(null);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("profile", profile.name());
        data.put("server", profile.endpoint().baseUrl().toString());
        boolean unlocked =
                agent.isPresent() && "unlocked".equals(agent.get().path("state").asText());
        Long idleSeconds = null;
        if (unlocked) {
            ObjectNode a = agent.get();
            data.put("email", a.path("email").asText());
            data.put("state", "unlocked");
            data.put("serverSession", a.path("serverSession").asText("active"));
            idleSeconds = a.path("idleTimeoutSeconds").asLong();
            data.put("idleTimeoutSeconds", idleSeconds);
            data.put("agentPid", a.path("agentPid").asLong());
        } else {
            data.put("email", remembered);
            data.put("state", "locked");
            data.put("serverSession", null);
            data.put("idleTimeoutSeconds", null);
            data.put("agentPid", null);
        }
        String text =
                "server:  "
                        + profile.name()
                        + " ("
                        + profile.endpoint().baseUrl()
                        + ")\naccount: "
                        + (data.get("email") == null
                                ? "(none; run strongroom login)"
                                : data.get("email"))
                        + "\nstate:   "
                        + (unlocked
                                ? "unlocked (auto-lock after "
                                        + IdleTimeout.describe(Duration.ofSeconds(idleSeconds))
                                        + " idle)"
                                        + ("pending".equals(data.get("serverSession"))
                                                ? "; offline, not yet logged in to the server"
                                                : "")
                                : "locked");
        Output.result(spec.commandLine().getOut(), json, data, text);
        return ExitCode.OK.code();
    }
}
