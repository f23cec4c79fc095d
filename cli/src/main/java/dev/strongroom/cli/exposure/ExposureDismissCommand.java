package dev.strongroom.cli.exposure;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.team.TeamCalls;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom exposure dismiss REF --reason TEXT}: closes a finding without rotating the
 * secret, with a reason. Dismissals are kept on this device only. Exit 4 for an unknown REF.
 */
@Command(
        name = "dismiss",
        mixinStandardHelpOptions = true,
        description = "Dismiss an exposure finding with a reason (kept on this device).")
public final class ExposureDismissCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print JSON: {ref, status}.")
    boolean json;

    @Parameters(index = "0", paramLabel = "REF", description = "vault/item/member, from list.")
    String ref;

    @Option(names = "--reason", required = true, description = "Why it needs no rotation.")
    String reason;

    @Override
    public Integer call() {
        ObjectNode d = TeamCalls.call(spec, "exposure.dismiss", "ref", ref, "reason", reason);
        return TeamCalls.print(spec, json, d, "dismissed " + ref);
    }
}
