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

/** {@code strongroom rotation-report}: items past, or within N days of, rotation or expiry. */
@Command(
        name = "rotation-report",
        mixinStandardHelpOptions = true,
        description = "Items due for rotation or expiring, across all vaults.")
public final class RotationReportCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--within-days",
            paramLabel = "N",
            description = "Also list what falls due within N days (default ${DEFAULT-VALUE}).")
    int windowDays = 30;

    @Option(
            names = "--json",
            description =
                    "Print JSON: {windowDays,findings:[{id,vaultId,vault,name,type,kind,source,due,daysLeft}]}.")
    boolean json;

    @Override
    public Integer call() {
        ObjectNode data = VaultCall.of(spec).arg("windowDays", windowDays).call("rotation-report");
        StringBuilder text = new StringBuilder();
        for (JsonNode f : data.path("findings")) {
            long days = f.path("daysLeft").asLong();
            text.append(String.format("%-17s", f.path("kind").asText().replace('_', ' ')))
                    .append(' ')
                    .append(f.path("vault").asText())
                    .append(" / ")
                    .append(f.path("name").asText())
                    .append("  ")
                    .append(
                            days < 0
                                    ? -days + " day(s) ago"
                                    : days == 0 ? "today" : "in " + days + " day(s)")
                    .append(" (")
                    .append(f.path("source").asText().replace('_', ' '))
                    .append(")\n");
        }
        Output.result(
                VaultCall.out(spec),
                json,
                data.without("sync"),
                text.length() == 0
                        ? "nothing due within " + windowDays + " days"
                        : text.toString().stripTrailing());
        return 0;
    }
}
