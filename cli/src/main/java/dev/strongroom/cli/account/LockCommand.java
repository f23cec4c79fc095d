package dev.strongroom.cli.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliContext;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ErrorReporter;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.cli.Output;
import dev.strongroom.cli.agent.AgentConnection;
import dev.strongroom.client.account.ServerProfile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom lock}: the agent wipes the keys and exits (it then ends the server session,
 * best effort). Locking a locked vault is not an error.
 */
@Command(
        name = "lock",
        mixinStandardHelpOptions = true,
        description = "Wipe the unlocked keys and stop the agent.")
public final class LockCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print JSON: {profile, state, wasUnlocked}.")
    boolean json;

    @Override
    public Integer call() {
        CliContext context = CliContext.of(spec);
        ServerProfile profile = context.profile();
        boolean wasUnlocked;
        try {
            ObjectNode reply =
                    AgentConnection.of(context, profile).call("lock", Map.of(), Map.of());
            wasUnlocked = reply.path("wasUnlocked").asBoolean();
        } catch (CliException e) {
            if (!ErrorReporter.LOCKED.equals(e.getMessage())) {
                throw e;
            }
            wasUnlocked = false;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("profile", profile.name());
        data.put("state", "locked");
        data.put("wasUnlocked", wasUnlocked);
        Output.result(
                spec.commandLine().getOut(), json, data, wasUnlocked ? "locked" : "already locked");
        return ExitCode.OK.code();
    }
}
