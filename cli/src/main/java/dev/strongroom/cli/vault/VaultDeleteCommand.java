package dev.strongroom.cli.vault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.cli.Output;
import dev.strongroom.cli.VaultCall;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom vault delete VAULT --yes}: deletes a vault for the whole team (a signed log
 * entry; owners and admins only; the server then drops its items and history). Irreversible, so it
 * asks for {@code --yes} rather than prompting (scripts never get a prompt).
 */
@Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        description = "Delete a vault and all its items for everyone (needs the server).")
public final class VaultDeleteCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VAULT", description = "Vault id or unique name.")
    String vault;

    @Option(names = "--yes", description = "Confirm: the vault and its history are gone for good.")
    boolean yes;

    @Option(names = "--json", description = "Print JSON: {deleted, name}.")
    boolean json;

    @Override
    public Integer call() {
        if (!yes) {
            throw new CliException(
                    ExitCode.USAGE, "deleting a vault cannot be undone: add --yes to confirm");
        }
        ObjectNode data = VaultCall.of(spec).arg("vault", vault).call("vault.delete");
        Output.result(
                VaultCall.out(spec),
                json,
                data.without("sync"),
                "deleted vault "
                        + data.path("name").asText()
                        + " ("
                        + data.path("deleted").asText()
                        + ")");
        return 0;
    }
}
