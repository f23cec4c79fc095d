package dev.strongroom.cli.machine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliContext;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.cli.Output;
import dev.strongroom.cli.SecretInput;
import dev.strongroom.cli.agent.AgentConnection;
import dev.strongroom.crypto.common.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom machine rotate-token}: gives a machine a new API secret; the old token stops
 * working at once. The machine's key pairs stay, and only its current token holds the private half,
 * so the current token is read (from the terminal, one line of stdin or a file) and the new one
 * printed once, like {@code create}. A lost or leaked token calls for revoke and a new machine.
 */
@Command(
        name = "rotate-token",
        mixinStandardHelpOptions = true,
        description =
                "Replace a machine's API secret (needs its current token); prints the new token"
                        + " once.")
public final class MachineRotateTokenCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result (token included) as JSON.")
    boolean json;

    @Option(
            names = "--team",
            required = true,
            paramLabel = "TEAM",
            description = "Team id or name.")
    String team;

    @Option(names = "--token-stdin", description = "Read the current token from one line of stdin.")
    boolean tokenStdin;

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "Read the current token from a file.")
    Path tokenFile;

    @Parameters(index = "0", paramLabel = "ID|NAME", description = "The machine account.")
    String machine;

    @Override
    public Integer call() {
        char[] current = currentToken();
        try {
            CliContext context = CliContext.of(spec);
            ObjectNode d =
                    AgentConnection.of(context, context.profile())
                            .call(
                                    "machine.rotate-token",
                                    Map.of("team", team, "machine", machine),
                                    Map.of("token", current));
            spec.commandLine()
                    .getErr()
                    .println(
                            "strongroom: warning: the old token no longer works; this one is"
                                    + " shown only once (machine "
                                    + d.path("machineId").asText()
                                    + ")");
            spec.commandLine().getErr().flush();
            if (json) {
                Output.json(spec.commandLine().getOut(), d);
            } else {
                Output.secret(spec.commandLine().getOut(), d.path("token").asText().toCharArray());
            }
            return ExitCode.OK.code();
        } finally {
            Bytes.wipe(current);
        }
    }

    private char[] currentToken() {
        if (tokenStdin && tokenFile != null) {
            throw new CliException(ExitCode.USAGE, "give --token-stdin or --token-file, not both");
        }
        if (tokenFile != null) {
            try (InputStream in = Files.newInputStream(tokenFile)) {
                return SecretInput.readLine(in);
            } catch (IOException e) {
                throw new CliException(ExitCode.ERROR, "cannot read the token file " + tokenFile);
            }
        }
        return tokenStdin
                ? SecretInput.readLine(System.in)
                : SecretInput.prompt("Current token of the machine: ");
    }
}
