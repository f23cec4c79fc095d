package dev.strongroom.cli.automation;

import dev.strongroom.client.automation.ExportFormat;
import dev.strongroom.client.automation.SecretReference;
import dev.strongroom.client.automation.headless.MachineSession;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.crypto.common.Bytes;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code strongroom read sr://team/vault/item/field}: one value, raw, for scripts. */
@Command(
        name = "read",
        mixinStandardHelpOptions = true,
        description = "Print one secret value (machine token; see cli/README.md).")
public final class ReadCommand extends HeadlessCommand {

    @Parameters(paramLabel = "REFERENCE", description = "sr://team/vault/item/field")
    String text;

    @Option(
            names = {"-n", "--no-newline"},
            description = "Do not end the value with a newline.")
    boolean noNewline;

    private SecretReference reference;

    @Override
    void prepare() {
        reference = SecretReference.parse(text);
    }

    @Override
    int run(MachineSession session) {
        PrintWriter out = out();
        try (SecretText value = session.resolve(reference)) {
            char[] chars;
            if (json) {
                Map<String, SecretText> doc = new LinkedHashMap<>();
                doc.put("reference", SecretText.copyOf(reference.toString().toCharArray()));
                doc.put("value", value);
                chars = ExportFormat.JSON.write(doc, null);
                doc.get("reference").close();
            } else {
                chars = value.chars();
            }
            try {
                out.write(chars);
                if (!noNewline && !json) {
                    out.println();
                }
                out.flush();
            } finally {
                Bytes.wipe(chars);
            }
        }
        return 0;
    }
}
