package dev.strongroom.cli.recovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.team.TeamCalls;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strongroom recovery request}: Open a break-glass request; this device keeps its key. */
@Command(
        name = "request",
        mixinStandardHelpOptions = true,
        description = "Open a break-glass request; this device keeps its key.")
public final class RecoveryRequestCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "TEAM", description = "Team name or id.")
    String team;

    @Option(
            names = "--scope",
            required = true,
            description = "vault:NAME-OR-ID, account:EMAIL or team.")
    String scope;

    @Option(names = "--reason", required = true, description = "Why (approvers see it).")
    String reason;

    @Override
    public Integer call() {
        ObjectNode d =
                TeamCalls.call(
                        spec, "recovery.request", "team", team, "scope", scope, "reason", reason);
        return TeamCalls.print(
                spec, json, d, "request " + d.path("requestId").asText() + " opened");
    }
}
