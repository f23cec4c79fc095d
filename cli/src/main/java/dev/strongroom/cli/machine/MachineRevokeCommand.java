package dev.strongroom.cli.machine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.team.TeamCalls;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom machine revoke}: revokes a machine account (its next request fails), rotates
 * the keys of the vaults it held and reports what it could read, as {@code team remove} does.
 */
@Command(
        name = "revoke",
        mixinStandardHelpOptions = true,
        description =
                "Revoke a machine account: its token stops working, its vaults' keys are rotated.")
public final class MachineRevokeCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(
            names = "--team",
            required = true,
            paramLabel = "TEAM",
            description = "Team id or name.")
    String team;

    @Parameters(index = "0", paramLabel = "ID|NAME", description = "The machine account.")
    String machine;

    @Override
    public Integer call() {
        ObjectNode d = TeamCalls.call(spec, "machine.revoke", "team", team, "machine", machine);
        return TeamCalls.print(
                spec,
                json,
                d,
                "revoked machine "
                        + d.path("memberId").asText()
                        + "; rotated "
                        + d.path("rotatedVaults").size()
                        + " vault(s), "
                        + d.path("rotationPending").size()
                        + " still to rotate; "
                        + d.path("exposure").size()
                        + " exposed item(s): see strongroom exposure list");
    }
}
