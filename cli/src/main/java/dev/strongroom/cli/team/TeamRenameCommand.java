package dev.strongroom.cli.team;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom team rename}: Rename a team (owners and admins). The new name is sealed to each
 * member; the server never sees it.
 */
@Command(
        name = "rename",
        mixinStandardHelpOptions = true,
        description =
                "Rename a team (owners and admins); the name is sealed to each member, the server"
                        + " never sees it.")
public final class TeamRenameCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "TEAM", description = "Team id or name.")
    String team;

    @Parameters(index = "1", paramLabel = "NAME", description = "The new name.")
    String name;

    @Override
    public Integer call() {
        ObjectNode d = TeamCalls.call(spec, "team.rename", "team", team, "name", name);
        return TeamCalls.print(spec, json, d, "team " + d.path("teamId").asText() + " renamed");
    }
}
