package dev.strongroom.cli.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.Output;
import dev.strongroom.cli.VaultCall;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom conflicts resolve CONFLICT --keep mine|theirs}: mine is written on top of the
 * server's version (theirs stays in the history); theirs drops the local edit.
 */
@Command(
        name = "resolve",
        mixinStandardHelpOptions = true,
        description = "Resolve a conflict by keeping one version.")
public final class ConflictsResolveCommand implements Callable<Integer> {

    /** The two choices. */
    enum Keep {
        mine,
        theirs
    }

    @Spec CommandSpec spec;

    @Parameters(
            paramLabel = "CONFLICT",
            description = "Conflict id (see conflicts list), or the item's id or name.")
    String conflict;

    @Option(
            names = "--keep",
            required = true,
            paramLabel = "mine|theirs",
            description = "Which version wins.")
    Keep keep;

    @Option(names = "--json", description = "Print JSON: {id,itemId,kept}.")
    boolean json;

    @Override
    public Integer call() {
        ObjectNode data =
                VaultCall.of(spec)
                        .quietAboutConflicts()
                        .arg("conflict", conflict)
                        .arg("keep", keep.name())
                        .call("conflicts.resolve");
        Output.result(
                VaultCall.out(spec),
                json,
                data.without("sync"),
                "resolved conflict " + data.path("id").asLong() + ": kept " + keep.name());
        return 0;
    }
}
