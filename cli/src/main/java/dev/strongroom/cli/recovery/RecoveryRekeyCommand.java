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
 * {@code strongroom recovery rekey}: After a recovery: rotate the opened vault keys and re-split a
 * new recovery key.
 */
@Command(
        name = "rekey",
        mixinStandardHelpOptions = true,
        description =
                "After a recovery: rotate the opened vault keys and re-split a new recovery key.")
public final class RecoveryRekeyCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "TEAM", description = "Team name or id.")
    String team;

    @Option(
            names = "--approvers",
            split = ",",
            paramLabel = "EMAIL",
            description = "New approvers (default: the current ones).")
    java.util.List<String> approvers;

    @Option(
            names = "--threshold",
            paramLabel = "M",
            description = "New threshold (default: the current one).")
    Integer threshold;

    @Override
    public Integer call() {
        ObjectNode d =
                TeamCalls.call(
                        spec,
                        "recovery.rekey",
                        "team",
                        team,
                        "approvers",
                        approvers == null ? null : String.join(",", approvers),
                        "threshold",
                        threshold == null ? null : threshold.toString());
        return TeamCalls.print(
                spec,
                json,
                d,
                "recovery policy version "
                        + d.path("policyVersion").asInt()
                        + "; rotated "
                        + d.path("rotated").size()
                        + " vault(s), "
                        + d.path("pending").size()
                        + " left for their writers"
                        + (d.path("reenrolmentDueEmails").isEmpty()
                                ? ""
                                : "; must enrol again for account recovery: "
                                        + String.join(
                                                ", ",
                                                RecoveryText.strings(
                                                        d.path("reenrolmentDueEmails")))));
    }
}
