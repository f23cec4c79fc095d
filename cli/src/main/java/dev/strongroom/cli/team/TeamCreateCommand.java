package dev.strongroom.cli.team;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strongroom team create}: Create a team (you become its owner). */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = "Create a team (you become its owner).")
public final class TeamCreateCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "NAME", description = "The team name.")
    String name;

    @Override
    public Integer call() {
        ObjectNode d = TeamCalls.call(spec, "team.create", "name", name);
        return TeamCalls.print(
                spec, json, d, "created team " + name + " (" + d.path("teamId").asText() + ")");
    }
}
