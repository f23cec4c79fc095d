package dev.strongroom.cli.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.Output;
import dev.strongroom.cli.VaultCall;
import dev.strongroom.client.item.ItemContent;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom item edit ITEM [field flags]}: a new revision with the given fields changed.
 * The CLI reads the current version from the agent, applies the flags and sends it back with the
 * revision it started from, so an edit that raced another is refused (exit 5), never merged blind.
 */
@Command(
        name = "edit",
        mixinStandardHelpOptions = true,
        description = "Change fields of an item (a new revision).")
public final class ItemEditCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ITEM", description = "Item id or unique name.")
    String item;

    @Option(
            names = "--vault",
            paramLabel = "VAULT",
            description = "Look for ITEM in this vault only.")
    String vault;

    @Mixin ItemFieldOptions fields;

    @Option(
            names = "--json",
            description = "Print JSON: {item:{id,vaultId,vault,name,type,...,revision,pending}}.")
    boolean json;

    @Override
    public Integer call() {
        ObjectNode current =
                VaultCall.of(spec)
                        .arg("item", item)
                        .arg("vault", vault)
                        .arg("content", true)
                        .silent()
                        .call("item.get");
        JsonNode summary = current.path("item");
        ObjectNode data;
        try (ItemContent before = ItemTransfer.received(current);
                ItemContent after = ItemBuilder.edit(before, fields, System.in)) {
            data =
                    ItemTransfer.send(
                            VaultCall.of(spec)
                                    .arg("vault", summary.path("vaultId").asText())
                                    .arg("item", summary.path("id").asText())
                                    .arg("baseRevision", summary.path("revision").asLong()),
                            "item.edit",
                            after);
        }
        JsonNode edited = data.path("item");
        Output.result(
                VaultCall.out(spec),
                json,
                data.without("sync"),
                "updated "
                        + edited.path("name").asText()
                        + " ("
                        + edited.path("id").asText()
                        + ") to revision "
                        + edited.path("revision").asLong());
        return 0;
    }
}
