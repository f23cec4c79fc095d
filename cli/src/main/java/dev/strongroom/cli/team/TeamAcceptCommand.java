package dev.strongroom.cli.team;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliContext;
import dev.strongroom.cli.SecretInput;
import dev.strongroom.cli.agent.AgentConnection;
import dev.strongroom.crypto.common.Bytes;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom team accept [--code-stdin]}: accepts the invite a one-time code belongs to. The
 * code is read from the terminal (or one line of stdin), never from the command line. Exit 3 when
 * the code matches no invite.
 */
@Command(
        name = "accept",
        mixinStandardHelpOptions = true,
        description = "Accept a team invite with the one-time code you were handed.")
public final class TeamAcceptCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--code-stdin", description = "Read the code from one line of standard input.")
    boolean codeStdin;

    @Override
    public Integer call() {
        char[] code =
                codeStdin ? SecretInput.readLine(System.in) : SecretInput.prompt("Invite code: ");
        try {
            CliContext context = CliContext.of(spec);
            ObjectNode d =
                    AgentConnection.of(context, context.profile())
                            .call("team.accept", Map.of(), Map.of("code", code));
            return TeamCalls.print(
                    spec,
                    json,
                    d,
                    "accepted: the inviter's client adds you once it checks your proof (team "
                            + d.path("teamId").asText()
                            + ")");
        } finally {
            Bytes.wipe(code);
        }
    }
}
