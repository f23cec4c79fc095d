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
 * {@code strongroom recovery combine}: Combine the released shares and open exactly the request's
 * scope (with --new-password: reset a member's forgotten password).
 */
@Command(
        name = "combine",
        mixinStandardHelpOptions = true,
        description =
                "Combine the released shares and open exactly the request's scope (with --new-password: reset a member's forgotten password).")
public final class RecoveryCombineCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "TEAM", description = "Team name or id.")
    String team;

    @Parameters(index = "1", paramLabel = "REQUEST", description = "The request id.")
    String request;

    @Option(
            names = "--new-password",
            description = "Account scope: set the member's new master password (prompted).")
    boolean newPassword;

    @Option(
            names = "--password-stdin",
            description = "With --new-password: read it from standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() {
        if (newPassword) {
            return RecoveryText.reset(spec, json, team, request, passwordStdin);
        }
        ObjectNode d = TeamCalls.call(spec, "recovery.combine", "team", team, "request", request);
        return TeamCalls.print(spec, json, d, RecoveryText.opened(d));
    }
}
