package dev.strongroom.cli.automation;

import dev.strongroom.cli.Output;
import dev.strongroom.client.automation.SecretReference;
import dev.strongroom.client.automation.Template;
import dev.strongroom.client.automation.headless.MachineSession;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.crypto.common.Bytes;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code strongroom inject -i TEMPLATE -o FILE}: renders {@code {{ sr://... }}} placeholders. Every
 * reference is resolved before anything is written, so a missing one leaves the output untouched.
 */
@Command(
        name = "inject",
        mixinStandardHelpOptions = true,
        description = "Render {{ sr://... }} references in a template into a file (mode 0600).")
public final class InjectCommand extends HeadlessCommand {

    @Option(
            names = {"-i", "--in"},
            required = true,
            paramLabel = "TEMPLATE",
            description = "The template file.")
    Path in;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "FILE",
            description = "Write here atomically, mode 0600 (default: standard output).")
    Path outFile;

    private Template template;

    @Override
    void prepare() {
        template = Template.parse(SecretFiles.readText(in, "template"));
    }

    @Override
    int run(MachineSession session) throws Exception {
        Map<SecretReference, SecretText> values = new LinkedHashMap<>();
        char[] rendered = null;
        try {
            for (SecretReference r : template.references()) {
                values.put(r, session.resolve(r));
            }
            rendered = template.render(values);
            if (outFile == null) {
                SecretFiles.write(new FileOutputStream(FileDescriptor.out), rendered);
            } else {
                SecretFiles.writeAtomically(outFile, rendered);
                if (json) {
                    Output.json(
                            out(), Map.of("file", outFile.toString(), "references", values.size()));
                }
            }
            return 0;
        } finally {
            values.values().forEach(SecretText::close);
            Bytes.wipe(rendered);
        }
    }
}
