package dev.strongroom.cli.recovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.cli.team.TeamCalls;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom recovery combine}: Combine the released shares and open exactly the request's
 * scope (with --new-password: reset a member's forgotten password). With {@code --wait} it polls
 * while the approvals are withheld; the agent reads the scope's items ahead once the server serves
 * them, so the vault opens at once when the last approval comes.
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

    @Option(
            names = "--wait",
            paramLabel = "SECONDS",
            description =
                    "While the approvals are withheld, wait up to SECONDS for them (checking every"
                            + " 2 s) and open the scope as soon as they are released; its items are"
                            + " read and checked ahead once one approval is missing.")
    Integer waitSeconds;

    @Override
    public Integer call() throws InterruptedException {
        if (newPassword) {
            return RecoveryText.reset(spec, json, team, request, passwordStdin);
        }
        if (waitSeconds != null && (waitSeconds < 1 || waitSeconds > 86_400)) {
            throw new CliException(ExitCode.USAGE, "--wait takes 1 to 86400 seconds");
        }
        long deadline =
                System.nanoTime() + (waitSeconds == null ? 0 : waitSeconds) * 1_000_000_000L;
        String said = null;
        while (true) {
            try {
                ObjectNode d =
                        TeamCalls.call(spec, "recovery.combine", "team", team, "request", request);
                return TeamCalls.print(spec, json, d, RecoveryText.opened(d));
            } catch (CliException e) {
                boolean withheld =
                        e.exitCode() == ExitCode.CONFLICT
                                && String.valueOf(e.getMessage()).contains("withheld");
                if (!withheld || waitSeconds == null || System.nanoTime() > deadline) {
                    throw e;
                }
                if (!e.getMessage().equals(said)) {
                    said = e.getMessage();
                    spec.commandLine().getErr().println("waiting: " + said);
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
    }

    private static final long POLL_MILLIS = 2_000;
}
