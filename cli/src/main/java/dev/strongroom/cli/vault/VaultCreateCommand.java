package dev.strongroom.cli.vault;

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

/** {@code strongroom vault create NAME [--team ID]}: a new vault, its key wrapped for you. */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = "Create a vault (needs the server).")
public final class VaultCreateCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The vault's name (encrypted).")
    String name;

    @Option(
            names = "--team",
            paramLabel = "ID",
            description = "Team to create it in (default: your only team).")
    String team;

    @Option(
            names = "--json",
            description = "Print JSON: {vault:{id,name,teamId,keyVersion,permission,items}}.")
    boolean json;

    @Override
    public Integer call() {
        ObjectNode data =
                VaultCall.of(spec).arg("name", name).arg("team", team).call("vault.create");
        JsonNode v = data.path("vault");
        Output.result(
                VaultCall.out(spec),
                json,
                data.without("sync"),
                "created vault " + v.path("name").asText() + " (" + v.path("id").asText() + ")");
        return 0;
    }
}
