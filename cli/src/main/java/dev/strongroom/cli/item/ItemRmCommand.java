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

/** {@code strongroom item rm ITEM}: a signed tombstone revision; the history stays. */
@Command(
        name = "rm",
        mixinStandardHelpOptions = true,
        description = "Delete an item (its history is kept).")
public final class ItemRmCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ITEM", description = "Item id or unique name.")
    String item;

    @Option(
            names = "--vault",
            paramLabel = "VAULT",
            description = "Look for ITEM in this vault only.")
    String vault;

    @Option(names = "--json", description = "Print JSON: {item:{...the deleted item's summary}}.")
    boolean json;

    @Override
    public Integer call() {
        ObjectNode data = VaultCall.of(spec).arg("item", item).arg("vault", vault).call("item.rm");
        Output.result(
                VaultCall.out(spec),
                json,
                data.without("sync"),
                "deleted "
                        + data.path("item").path("name").asText()
                        + " ("
                        + data.path("item").path("id").asText()
                        + ")");
        return 0;
    }
}
