package dev.strongroom.cli.recovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.team.TeamCalls;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom recovery kit export TEAM FILE}: writes every vault you hold, sealed to the
 * recovery key, into one file that opens with M paper shares and no server.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description =
                "Write an offline kit: every vault you hold, sealed to the team's recovery key.")
public final class RecoveryKitExportCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "TEAM", description = "Team name or id.")
    String team;

    @Parameters(index = "1", paramLabel = "FILE", description = "Where to write the kit.")
    Path file;

    @Override
    public Integer call() {
        ObjectNode d =
                TeamCalls.call(
                        spec,
                        "recovery.kit-export",
                        "team",
                        team,
                        "file",
                        file.toAbsolutePath().toString());
        return TeamCalls.print(
                spec,
                json,
                d,
                "wrote "
                        + file
                        + " with "
                        + d.path("vaults").asInt()
                        + " vault(s)\nkit anchor (the log head this kit carries; keep it with the"
                        + " paper shares, 'kit open' needs it): "
                        + d.path("anchor").asText());
    }
}
