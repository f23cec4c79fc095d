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
 * {@code strongroom recovery status}: Show the team's recovery policy as the verified log has it.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show the team's recovery policy as the verified log has it.")
public final class RecoveryStatusCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "TEAM", description = "Team name or id.")
    String team;

    @Override
    public Integer call() {
        ObjectNode d = TeamCalls.call(spec, "recovery.status", "team", team);
        return TeamCalls.print(
                spec,
                json,
                d,
                "policy v"
                        + d.path("policyVersion").asInt()
                        + ": "
                        + d.path("threshold").asInt()
                        + " of "
                        + d.path("approverEmails").size()
                        + " approvers ("
                        + String.join(", ", RecoveryText.strings(d.path("approverEmails")))
                        + "), delay "
                        + d.path("delayHours").asInt()
                        + " h, owner veto "
                        + (d.path("ownerVeto").asBoolean() ? "on" : "off")
                        + "; enrolled: "
                        + String.join(", ", RecoveryText.strings(d.path("enrolledEmails")))
                        + "; vaults not covered: "
                        + d.path("vaultsNotCovered").size()
                        + "\nlog head (the anchor of a kit exported now; a kit with another"
                        + " anchor is older): "
                        + d.path("kitAnchor").asText()
                        + RecoveryText.notices(d, team));
    }
}
