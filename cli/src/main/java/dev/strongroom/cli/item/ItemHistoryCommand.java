package dev.strongroom.cli.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.Output;
import dev.strongroom.cli.VaultCall;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strongroom item history ITEM}: every revision and the fields it changed (no values). */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = "List an item's revisions and what each changed.")
public final class ItemHistoryCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ITEM", description = "Item id or unique name.")
    String item;

    @Option(
            names = "--vault",
            paramLabel = "VAULT",
            description = "Look for ITEM in this vault only.")
    String vault;

    @Option(
            names = "--json",
            description =
                    "Print JSON: {item:{...},revisions:[{revision,deleted,authorId,name,modified,changes:[field]}]}.")
    boolean json;

    @Override
    public Integer call() {
        ObjectNode data =
                VaultCall.of(spec).arg("item", item).arg("vault", vault).call("item.history");
        StringBuilder text = new StringBuilder();
        for (JsonNode r : data.path("revisions")) {
            text.append(String.format("%4d  ", r.path("revision").asLong()));
            if (r.path("deleted").asBoolean()) {
                text.append("(deleted)");
            } else {
                text.append(r.path("modified").asText())
                        .append("  ")
                        .append(r.path("name").asText());
                if (r.path("changes").size() > 0) {
                    StringBuilder c = new StringBuilder();
                    r.path("changes")
                            .forEach(x -> c.append(c.length() == 0 ? "" : ", ").append(x.asText()));
                    text.append("  changed: ").append(c);
                }
            }
            text.append('\n');
        }
        Output.result(
                VaultCall.out(spec), json, data.without("sync"), text.toString().stripTrailing());
        return 0;
    }
}
