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
 * {@code strongroom recovery setup}: Create the team recovery key, split it M-of-N to verified
 * approvers and wrap every vault to it (also re-splits).
 */
@Command(
        name = "setup",
        mixinStandardHelpOptions = true,
        description =
                "Create the team recovery key, split it M-of-N to verified approvers and wrap every vault to it (also re-splits).")
public final class RecoverySetupCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "TEAM", description = "Team name or id.")
    String team;

    @Option(
            names = "--approvers",
            required = true,
            split = ",",
            paramLabel = "EMAIL",
            description = "The N approvers (members whose keys you verified), comma-separated.")
    java.util.List<String> approvers;

    @Option(
            names = "--threshold",
            required = true,
            paramLabel = "M",
            description = "Approvals needed (2 <= M <= N <= 16).")
    int threshold;

    @Option(
            names = "--delay-hours",
            defaultValue = "0",
            description = "Delay after the M-th approval (0 to 72).")
    int delay;

    @Option(names = "--owner-veto", description = "Let any owner veto a request.")
    boolean veto;

    @Override
    public Integer call() {
        ObjectNode d =
                TeamCalls.call(
                        spec,
                        "recovery.setup",
                        "team",
                        team,
                        "approvers",
                        String.join(",", approvers),
                        "threshold",
                        Integer.toString(threshold),
                        "delay",
                        Integer.toString(delay),
                        "veto",
                        veto ? "true" : null);
        return TeamCalls.print(
                spec,
                json,
                d,
                "recovery policy version " + d.path("policyVersion").asInt() + " is set");
    }
}
