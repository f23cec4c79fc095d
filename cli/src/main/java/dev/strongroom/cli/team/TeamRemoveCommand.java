package dev.strongroom.cli.team;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom team remove}: Remove a member: rotates the keys of their vaults and reports
 * what they could read.
 */
@Command(
        name = "remove",
        mixinStandardHelpOptions = true,
        description =
                "Remove a member: rotates the keys of their vaults and reports what they could read.")
public final class TeamRemoveCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "TEAM", description = "Team id or name.")
    String team;

    @Parameters(index = "1", paramLabel = "EMAIL", description = "The member to remove.")
    String email;

    @Override
    public Integer call() {
        ObjectNode d = TeamCalls.call(spec, "team.remove", "team", team, "email", email);
        return TeamCalls.print(
                spec,
                json,
                d,
                "removed "
                        + email
                        + "; rotated "
                        + d.path("rotatedVaults").size()
                        + " vault(s), "
                        + d.path("rotationPending").size()
                        + " still to rotate; "
                        + d.path("exposure").size()
                        + " exposed item(s): see strongroom exposure list");
    }
}
