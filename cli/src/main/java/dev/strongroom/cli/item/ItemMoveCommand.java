package dev.strongroom.cli.item;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.Output;
import dev.strongroom.cli.VaultCall;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom item move ITEM --to VAULT}: re-sealed under the target vault's key as a new
 * item (a new id), then deleted from its old vault.
 */
@Command(
        name = "move",
        mixinStandardHelpOptions = true,
        description = "Move an item to another vault (it gets a new id).")
public final class ItemMoveCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ITEM", description = "Item id or unique name.")
    String item;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "VAULT",
            description = "Target vault id or name.")
    String to;

    @Option(
            names = "--vault",
            paramLabel = "VAULT",
            description = "Look for ITEM in this vault only.")
    String vault;

    @Option(names = "--json", description = "Print JSON: {item:{...new summary},from,previousId}.")
    boolean json;

    @Override
    public Integer call() {
        ObjectNode data =
                VaultCall.of(spec)
                        .arg("item", item)
                        .arg("to", to)
                        .arg("vault", vault)
                        .call("item.move");
        Output.result(
                VaultCall.out(spec),
                json,
                data.without("sync"),
                "moved "
                        + data.path("item").path("name").asText()
                        + " to "
                        + data.path("item").path("vault").asText()
                        + " (new id "
                        + data.path("item").path("id").asText()
                        + ")");
        return 0;
    }
}
