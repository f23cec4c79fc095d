package dev.strongroom.cli.recovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.team.TeamCalls;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom recovery pending}: List requests waiting for decisions (who, scope, reason,
 * when).
 */
@Command(
        name = "pending",
        mixinStandardHelpOptions = true,
        description = "List requests waiting for decisions (who, scope, reason, when).")
public final class RecoveryPendingCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "TEAM", description = "Team name or id.")
    String team;

    @Override
    public Integer call() {
        ObjectNode d = TeamCalls.call(spec, "recovery.pending", "team", team);
        return TeamCalls.print(spec, json, d, RecoveryText.pending(d.path("requests")));
    }
}
