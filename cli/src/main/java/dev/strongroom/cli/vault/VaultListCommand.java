package dev.strongroom.cli.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.Output;
import dev.strongroom.cli.VaultCall;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strongroom vault list}: the vaults this account can read. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List your vaults.")
public final class VaultListCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--json",
            description = "Print JSON: {vaults:[{id,name,teamId,keyVersion,permission,items}]}.")
    boolean json;

    @Override
    public Integer call() {
        ObjectNode data = VaultCall.of(spec).call("vault.list");
        StringBuilder text = new StringBuilder();
        for (JsonNode v : data.path("vaults")) {
            text.append(
                    String.format(
                            "%-36s  %-24s %6d item(s)  %s%n",
                            v.path("id").asText(),
                            v.path("name").asText(),
                            v.path("items").asInt(),
                            v.path("permission").asText().toLowerCase(java.util.Locale.ROOT)));
        }
        Output.result(
                VaultCall.out(spec),
                json,
                data.without("sync"),
                text.length() == 0 ? "no vaults" : text.toString().stripTrailing());
        return 0;
    }
}
