package dev.strongroom.cli.item;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.Output;
import dev.strongroom.cli.VaultCall;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom item get ITEM [--field NAME] [--reveal]}: one field's raw value (exactly the
 * value, no trailing newline: for scripts), or the whole item with secrets masked unless revealed.
 */
@Command(
        name = "get",
        mixinStandardHelpOptions = true,
        description = "Show an item, or print one field raw.")
public final class ItemGetCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ITEM", description = "Item id or unique name.")
    String item;

    @Option(
            names = "--vault",
            paramLabel = "VAULT",
            description = "Look for ITEM in this vault only.")
    String vault;

    @Option(
            names = "--field",
            paramLabel = "NAME",
            description =
                    "Print only this field, raw: password, username, urls, key, text, vars, a custom field, an env var, notes...")
    String field;

    @Option(names = "--reveal", description = "Show secret values instead of ********.")
    boolean reveal;

    @Option(
            names = "--json",
            description =
                    "Print JSON: {item:{...,data:{...},fields:[...]}} or with --field {value,item}.")
    boolean json;

    @Override
    public Integer call() {
        ObjectNode data =
                VaultCall.of(spec)
                        .arg("item", item)
                        .arg("vault", vault)
                        .arg("field", field)
                        .arg("reveal", reveal ? true : null)
                        .call("item.get");
        data.remove("sync");
        PrintWriter out = VaultCall.out(spec);
        if (json) {
            Output.json(out, data);
        } else if (field != null) {
            out.print(data.path("value").asText());
            out.flush();
        } else {
            out.println(ItemPrinter.text(data.path("item")));
            out.flush();
        }
        return 0;
    }
}
