package dev.strongroom.cli.team;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom team join TEAM-ID}: joins a team someone added you to after comparing
 * fingerprints (a team you were not invited to by code is never synced on its own: {@code team
 * list} names it). Whoever added you must be verified on this device first ({@code team verify});
 * exit 1 if not.
 */
@Command(
        name = "join",
        mixinStandardHelpOptions = true,
        description =
                "Join a team you were added to by fingerprint (verify whoever added you first).")
public final class TeamJoinCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "TEAM-ID", description = "The team's id.")
    String team;

    @Override
    public Integer call() {
        ObjectNode d = TeamCalls.call(spec, "team.join", "team", team);
        return TeamCalls.print(
                spec,
                json,
                d,
                "joined "
                        + d.path("name").asText()
                        + " ("
                        + d.path("teamId").asText()
                        + "), added by "
                        + d.path("addedBy").asText());
    }
}
