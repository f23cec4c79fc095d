package dev.strongroom.cli.recovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.team.TeamCalls;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strongroom recovery veto}: Veto a request as an owner (when the policy allows it). */
@Command(
        name = "veto",
        mixinStandardHelpOptions = true,
        description = "Veto a request as an owner (when the policy allows it).")
public final class RecoveryVetoCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "TEAM", description = "Team name or id.")
    String team;

    @Parameters(index = "1", paramLabel = "REQUEST", description = "The request id.")
    String request;

    @Override
    public Integer call() {
        ObjectNode d = TeamCalls.call(spec, "recovery.veto", "team", team, "request", request);
        return TeamCalls.print(spec, json, d, "veto recorded for request " + request);
    }
}
