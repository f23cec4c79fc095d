package dev.strongroom.cli.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliContext;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ErrorReporter;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.cli.Output;
import dev.strongroom.cli.agent.AgentConnection;
import dev.strongroom.client.account.ServerProfile;
import dev.strongroom.crypto.common.Bytes;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom passwd [--password-stdin]}: changes the master password of the unlocked account
 * (stdin: two lines, the current then the new one). The server signs out every other session. Keeps
 * the account's KDF parameters.
 */
@Command(
        name = "passwd",
        mixinStandardHelpOptions = true,
        description = "Change the master password (other devices are signed out).")
public final class PasswdCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--password-stdin",
            description = "Read two lines from standard input: the current, then the new password.")
    boolean passwordStdin;

    @Option(names = "--json", description = "Print JSON: {email, revokedSessions}.")
    boolean json;

    @Mixin KdfOptions kdfOptions;

    @Override
    public Integer call() {
        CliContext context = CliContext.of(spec);
        ServerProfile profile = context.profile();
        AgentConnection agent = AgentConnection.of(context, profile);
        if (agent.status().filter(s -> "unlocked".equals(s.path("state").asText())).isEmpty()) {
            // Checked before asking for passwords nobody could use.
            throw new CliException(ExitCode.AUTHENTICATION, ErrorReporter.LOCKED);
        }
        char[][] passwords = Passwords.change(passwordStdin);
        ObjectNode data;
        try {
            data =
                    agent.call(
                            "passwd",
                            kdfOptions.asArgs(),
                            Map.of("current", passwords[0], "new", passwords[1]));
        } finally {
            Bytes.wipe(passwords[0]);
            Bytes.wipe(passwords[1]);
        }
        int revoked = data.path("revokedSessions").asInt();
        Output.result(
                spec.commandLine().getOut(),
                json,
                data,
                "master password changed"
                        + (revoked == 0
                                ? ""
                                : "; " + revoked + " other session(s) were signed out"));
        return ExitCode.OK.code();
    }
}
