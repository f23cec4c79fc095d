package dev.strongroom.cli.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.Output;
import dev.strongroom.cli.VaultCall;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strongroom item list [--vault V] [--folder F] [--tag T] [--type T]}: no secret shown. */
@Command(
        name = "list",
        aliases = "ls",
        mixinStandardHelpOptions = true,
        description = "List items (names and metadata, no secrets).")
public final class ItemListCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--vault", paramLabel = "VAULT", description = "Only this vault.")
    String vault;

    @Option(
            names = "--folder",
            paramLabel = "PATH",
            description = "Only this folder and its subfolders.")
    String folder;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only items with this tag.")
    String tag;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only this type.")
    String type;

    @Option(
            names = "--json",
            description =
                    "Print JSON: {items:[{id,vaultId,vault,name,type,folder,tags,revision,pending,modified}]}.")
    boolean json;

    @Override
    public Integer call() {
        ObjectNode data =
                VaultCall.of(spec)
                        .arg("vault", vault)
                        .arg("folder", folder)
                        .arg("tag", tag)
                        .arg("type", type == null ? null : ItemTransfer.type(type).wireName())
                        .call("item.list");
        StringBuilder text = new StringBuilder();
        for (JsonNode i : data.path("items")) {
            text.append(ItemPrinter.line(i)).append('\n');
        }
        Output.result(
                VaultCall.out(spec),
                json,
                data.without("sync"),
                text.length() == 0 ? "no items" : text.toString().stripTrailing());
        return 0;
    }
}
