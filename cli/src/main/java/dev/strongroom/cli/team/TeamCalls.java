package dev.strongroom.cli.team;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliContext;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.cli.Output;
import dev.strongroom.cli.agent.AgentConnection;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** What the team, sharing and exposure commands share: one agent call, then one result. */
public final class TeamCalls {

    private TeamCalls() {}

    /** Runs an agent command with string arguments (nulls left out). */
    public static ObjectNode call(CommandSpec spec, String command, String... keyValues) {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                args.put(keyValues[i], keyValues[i + 1]);
            }
        }
        CliContext context = CliContext.of(spec);
        return AgentConnection.of(context, context.profile()).call(command, args, Map.of());
    }

    /** Prints the reply as JSON or as the given text; exit code 0. */
    public static int print(CommandSpec spec, boolean json, ObjectNode data, String text) {
        Output.result(spec.commandLine().getOut(), json, data, text);
        return ExitCode.OK.code();
    }
}
