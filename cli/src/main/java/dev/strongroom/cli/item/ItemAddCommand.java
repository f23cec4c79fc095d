package dev.strongroom.cli.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.cli.Output;
import dev.strongroom.cli.VaultCall;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.ItemType;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strongroom item add --type TYPE --name NAME ...}: a new item, sealed by the agent. */
@Command(
        name = "add",
        mixinStandardHelpOptions = true,
        description = "Add an item. Secrets come from stdin or files, never from flags.")
public final class ItemAddCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--type",
            paramLabel = "TYPE",
            description = "login, api-key, database, ssh-key, certificate, note or env.")
    String type;

    @Option(
            names = "--vault",
            paramLabel = "VAULT",
            description = "Vault id or name (default: your only vault, or Personal).")
    String vault;

    @Option(
            names = "--from-file",
            paramLabel = "PATH",
            description = "Start from an item in the documented JSON form (see cli/README.md).")
    Path fromFile;

    @Mixin ItemFieldOptions fields;

    @Option(
            names = "--json",
            description =
                    "Print JSON: {item:{id,vaultId,vault,name,type,folder,tags,revision,pending,modified}}.")
    boolean json;

    @Override
    public Integer call() {
        ItemContent base = fromFile == null ? null : ItemFile.read(fromFile);
        ItemType t;
        if (type != null) {
            t = ItemTransfer.type(type);
            if (base != null && base.type() != t) {
                base.close();
                throw new CliException(
                        ExitCode.USAGE, "--type disagrees with the type in --from-file");
            }
        } else if (base != null) {
            t = base.type();
        } else {
            throw new CliException(
                    ExitCode.USAGE,
                    "--type is required (login, api-key, database, ssh-key, certificate, note, env)");
        }
        ObjectNode data;
        try (ItemContent content = ItemBuilder.create(t, base, fields, System.in)) {
            data = ItemTransfer.send(VaultCall.of(spec).arg("vault", vault), "item.add", content);
        } finally {
            if (base != null) {
                base.close();
            }
        }
        JsonNode item = data.path("item");
        Output.result(
                VaultCall.out(spec),
                json,
                data.without("sync"),
                "added "
                        + item.path("name").asText()
                        + " ("
                        + item.path("id").asText()
                        + ") to "
                        + item.path("vault").asText());
        return 0;
    }
}
