package dev.strongroom.cli.team;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strongroom team leave}: Leave a team. */
@Command(name = "leave", mixinStandardHelpOptions = true, description = "Leave a team.")
public final class TeamLeaveCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "TEAM", description = "Team id or name.")
    String team;

    @Override
    public Integer call() {
        ObjectNode d = TeamCalls.call(spec, "team.leave", "team", team);
        return TeamCalls.print(spec, json, d, "left " + team);
    }
}
