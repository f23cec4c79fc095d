package dev.strongroom.cli.sync;

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

/** {@code strongroom search QUERY}: over names, usernames, URLs, tags, folders and field names. */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = "Search items (never their secret values).")
public final class SearchCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "QUERY", description = "Words to look for.")
    String query;

    @Option(
            names = "--limit",
            paramLabel = "N",
            description = "At most N hits (default ${DEFAULT-VALUE}).")
    int limit = 50;

    @Option(
            names = "--json",
            description =
                    "Print JSON: {hits:[{id,vaultId,vault,name,type,username,folder,urls,tags,score}]}.")
    boolean json;

    @Override
    public Integer call() {
        ObjectNode data = VaultCall.of(spec).arg("query", query).arg("limit", limit).call("search");
        StringBuilder text = new StringBuilder();
        for (JsonNode h : data.path("hits")) {
            text.append(h.path("id").asText())
                    .append("  ")
                    .append(String.format("%-11s", h.path("type").asText()))
                    .append(' ')
                    .append(h.path("vault").asText())
                    .append(" / ")
                    .append(h.path("name").asText());
            if (!h.path("username").isNull()) {
                text.append("  (").append(h.path("username").asText()).append(')');
            }
            text.append('\n');
        }
        Output.result(
                VaultCall.out(spec),
                json,
                data.without("sync"),
                text.length() == 0 ? "no matches" : text.toString().stripTrailing());
        return 0;
    }
}
