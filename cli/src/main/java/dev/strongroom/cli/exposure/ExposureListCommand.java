package dev.strongroom.cli.exposure;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.team.TeamCalls;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom exposure list [--all] [--json]}: every item and revision someone who lost
 * access could decrypt and that still needs its secret rotated (with {@code --all}, also those
 * rotated or dismissed). Each line starts with the reference {@code exposure dismiss} takes.
 */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List exposed items that still need rotation (--all: every finding).")
public final class ExposureListCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--json",
            description =
                    "Print JSON: {findings: [{teamId, vaultId, itemId, principalId,"
                            + " principalEmail, lostAtSeq, revisions, status, reason}]}.")
    boolean json;

    @Option(names = "--all", description = "Include rotated and dismissed findings.")
    boolean all;

    @Override
    public Integer call() {
        ObjectNode d = TeamCalls.call(spec, "exposure.list", "all", all ? "true" : null);
        StringBuilder text = new StringBuilder();
        d.path("findings")
                .forEach(
                        f ->
                                text.append(f.path("vaultId").asText())
                                        .append('/')
                                        .append(f.path("itemId").asText())
                                        .append('/')
                                        .append(f.path("principalId").asText())
                                        .append("  ")
                                        .append(f.path("status").asText())
                                        .append("  ")
                                        .append(f.path("principalEmail").asText())
                                        .append("  revisions ")
                                        .append(f.path("revisions"))
                                        .append('\n'));
        return TeamCalls.print(
                spec, json, d, text.length() == 0 ? "nothing exposed" : text.toString().strip());
    }
}
