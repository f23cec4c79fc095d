package dev.strongroom.cli.recovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.team.TeamCalls;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom recovery share-export}: Print your share as SLIP-39 words to keep on paper in a
 * safe.
 */
@Command(
        name = "share-export",
        mixinStandardHelpOptions = true,
        description = "Print your share as SLIP-39 words to keep on paper in a safe.")
public final class RecoveryShareExportCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "TEAM", description = "Team name or id.")
    String team;

    @Override
    public Integer call() {
        ObjectNode d = TeamCalls.call(spec, "recovery.share-export", "team", team);
        return TeamCalls.print(spec, json, d, d.path("words").asText());
    }
}
