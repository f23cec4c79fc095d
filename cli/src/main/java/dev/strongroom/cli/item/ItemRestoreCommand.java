package dev.strongroom.cli.item;

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
 * {@code strongroom item restore ITEM --revision N [--field F]}: an old revision (or one field of
 * it: {@code name}, {@code data.password}, {@code field:NAME}, {@code env:NAME}) as a new revision.
 */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = "Restore an old revision, or one field of it.")
public final class ItemRestoreCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ITEM", description = "Item id or unique name.")
    String item;

    @Option(
            names = "--revision",
            required = true,
            paramLabel = "N",
            description = "The revision to restore (see item history).")
    long revision;

    @Option(
            names = "--field",
            paramLabel = "FIELD",
            description = "Only this field: name, notes, data.password, field:NAME, env:NAME ...")
    String field;

    @Option(
            names = "--vault",
            paramLabel = "VAULT",
            description = "Look for ITEM in this vault only.")
    String vault;

    @Option(names = "--json", description = "Print JSON: {item:{...},restoredFrom}.")
    boolean json;

    @Override
    public Integer call() {
        ObjectNode data =
                VaultCall.of(spec)
                        .arg("item", item)
                        .arg("vault", vault)
                        .arg("revision", revision)
                        .arg("field", field)
                        .call("item.restore");
        Output.result(
                VaultCall.out(spec),
                json,
                data.without("sync"),
                "restored "
                        + (field == null ? "revision " : field + " from revision ")
                        + revision
                        + " of "
                        + data.path("item").path("name").asText()
                        + " as revision "
                        + data.path("item").path("revision").asLong());
        return 0;
    }
}
