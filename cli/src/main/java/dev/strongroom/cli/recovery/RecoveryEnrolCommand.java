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
 * {@code strongroom recovery enrol}: Enrol your account for forgotten-password recovery (your
 * account key wrapped to the recovery key).
 */
@Command(
        name = "enrol",
        mixinStandardHelpOptions = true,
        description =
                "Enrol your account for forgotten-password recovery (your account key wrapped to the recovery key).")
public final class RecoveryEnrolCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "TEAM", description = "Team name or id.")
    String team;

    @Override
    public Integer call() {
        ObjectNode d = TeamCalls.call(spec, "recovery.enrol", "team", team);
        return TeamCalls.print(spec, json, d, "enrolled for account recovery");
    }
}
