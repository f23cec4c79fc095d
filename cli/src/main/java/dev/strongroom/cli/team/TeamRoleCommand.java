package dev.strongroom.cli.team;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strongroom team role}: Change a member's role (owner, admin, member). */
@Command(
        name = "role",
        mixinStandardHelpOptions = true,
        description = "Change a member's role (owner, admin, member).")
public final class TeamRoleCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "TEAM", description = "Team id or name.")
    String team;

    @Parameters(index = "1", paramLabel = "EMAIL", description = "The member.")
    String email;

    @Parameters(index = "2", paramLabel = "ROLE", description = "owner, admin or member.")
    String role;

    @Override
    public Integer call() {
        ObjectNode d =
                TeamCalls.call(spec, "team.role", "team", team, "email", email, "role", role);
        return TeamCalls.print(spec, json, d, email + " is now " + role);
    }
}
