package dev.strongroom.cli.vault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.Output;
import dev.strongroom.cli.VaultCall;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strongroom vault rename VAULT NEW_NAME}. */
@Command(
        name = "rename",
        mixinStandardHelpOptions = true,
        description = "Rename a vault (needs the server).")
public final class VaultRenameCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VAULT", description = "Vault id or unique name.")
    String vault;

    @Parameters(index = "1", paramLabel = "NEW_NAME", description = "The new name.")
    String name;

    @Option(
            names = "--json",
            description = "Print JSON: {vault:{id,name,teamId,keyVersion,permission}}.")
    boolean json;

    @Override
    public Integer call() {
        ObjectNode data =
                VaultCall.of(spec).arg("vault", vault).arg("name", name).call("vault.rename");
        Output.result(
                VaultCall.out(spec),
                json,
                data.without("sync"),
                "renamed vault "
                        + data.path("vault").path("id").asText()
                        + " to "
                        + data.path("vault").path("name").asText());
        return 0;
    }
}
