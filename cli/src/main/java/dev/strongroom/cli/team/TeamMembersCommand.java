package dev.strongroom.cli.team;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strongroom team members}: List a team's members, roles, fingerprints and vault access. */
@Command(
        name = "members",
        mixinStandardHelpOptions = true,
        description = "List a team's members, roles, fingerprints and vault access.")
public final class TeamMembersCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "TEAM", description = "Team id or name.")
    String team;

    @Override
    public Integer call() {
        ObjectNode d = TeamCalls.call(spec, "team.members", "team", team);
        StringBuilder text = new StringBuilder();
        d.path("members")
                .forEach(
                        m ->
                                text.append(m.path("email").asText())
                                        .append("  ")
                                        .append(m.path("role").asText())
                                        .append("  ")
                                        .append(m.path("fingerprintDigits").asText())
                                        .append("\n"));
        return TeamCalls.print(spec, json, d, text.toString().strip());
    }
}
