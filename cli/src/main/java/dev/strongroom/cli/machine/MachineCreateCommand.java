package dev.strongroom.cli.machine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.Output;
import dev.strongroom.cli.team.TeamCalls;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom machine create}: creates a machine account and prints its token once, to
 * standard output (alone on its line, or in the JSON), with a warning on standard error. The token
 * is not kept anywhere.
 */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description =
                "Create a machine account with access to vaults; prints its token once (stdout).")
public final class MachineCreateCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result (token included) as JSON.")
    boolean json;

    @Option(
            names = "--team",
            required = true,
            paramLabel = "TEAM",
            description = "Team id or name.")
    String team;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "A name for it.")
    String name;

    @Option(
            names = "--vault",
            required = true,
            paramLabel = "VAULT[:read|write]",
            description = "A vault (id or name) it may read, or write; repeat for several.")
    List<String> vaults;

    @Option(
            names = "--expires",
            paramLabel = "DATE",
            description = "Expiry: a date (00:00 UTC) or an ISO-8601 instant. Default: never.")
    String expires;

    @Override
    public Integer call() {
        ObjectNode d =
                TeamCalls.call(
                        spec,
                        "machine.create",
                        "team",
                        team,
                        "name",
                        name,
                        "grants",
                        MachineGrantArgs.grants(vaults),
                        "expiresAt",
                        MachineGrantArgs.expiry(expires));
        spec.commandLine()
                .getErr()
                .println(
                        "strongroom: warning: this token is shown only once; store it now in"
                                + " your CI secret store (machine "
                                + d.path("machineId").asText()
                                + ")");
        spec.commandLine().getErr().flush();
        if (json) {
            Output.json(spec.commandLine().getOut(), d);
        } else {
            Output.secret(spec.commandLine().getOut(), d.path("token").asText().toCharArray());
        }
        return 0;
    }
}
