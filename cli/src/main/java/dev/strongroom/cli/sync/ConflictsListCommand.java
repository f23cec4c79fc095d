package dev.strongroom.cli.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.Output;
import dev.strongroom.cli.VaultCall;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom conflicts list}: each conflict, both versions' names and the fields that
 * differ.
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List unresolved conflicts.")
public final class ConflictsListCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--json",
            description =
                    "Print JSON: {conflicts:[{id,vaultId,vault,itemId,serverRevision,mine:{deleted,name,modified},theirs:{...},differs:[field]}]}.")
    boolean json;

    @Override
    public Integer call() {
        ObjectNode data = VaultCall.of(spec).quietAboutConflicts().call("conflicts.list");
        StringBuilder text = new StringBuilder();
        for (JsonNode c : data.path("conflicts")) {
            text.append(c.path("id").asLong())
                    .append("  ")
                    .append(c.path("itemId").asText())
                    .append(" in ")
                    .append(c.path("vault").asText())
                    .append(": mine ")
                    .append(side(c.path("mine")))
                    .append(", theirs (revision ")
                    .append(c.path("serverRevision").asLong())
                    .append(") ")
                    .append(side(c.path("theirs")));
            if (c.path("differs").size() > 0) {
                StringBuilder d = new StringBuilder();
                c.path("differs")
                        .forEach(x -> d.append(d.length() == 0 ? "" : ", ").append(x.asText()));
                text.append("; differ: ").append(d);
            }
            text.append('\n');
        }
        Output.result(
                VaultCall.out(spec),
                json,
                data.without("sync"),
                text.length() == 0 ? "no conflicts" : text.toString().stripTrailing());
        return 0;
    }

    private static String side(JsonNode s) {
        return s.path("deleted").asBoolean() ? "(deleted)" : "'" + s.path("name").asText() + "'";
    }
}
