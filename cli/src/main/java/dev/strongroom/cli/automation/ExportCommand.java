package dev.strongroom.cli.automation;

import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.automation.ExportFormat;
import dev.strongroom.client.automation.headless.MachineSession;
import dev.strongroom.client.automation.headless.VaultVariables;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.crypto.common.Bytes;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code strongroom export --vault V [--folder P] --format dotenv|json|k8s-secret}: the variables
 * of a vault's environment-set items ({@link VaultVariables}) in one format, to standard output or
 * atomically to a 0600 file.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description =
                "Export a vault's (or folder's) environment variables as dotenv, JSON or a"
                        + " Kubernetes Secret.")
public final class ExportCommand extends HeadlessCommand {

    @Option(names = "--vault", required = true, paramLabel = "VAULT", description = "Id or name.")
    String vault;

    @Option(names = "--folder", paramLabel = "PATH", description = "Only this folder (and below).")
    String folder;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "FORMAT",
            description = "dotenv, json or k8s-secret.")
    String formatName;

    @Option(names = "--name", paramLabel = "NAME", description = "k8s-secret: metadata.name.")
    String name;

    @Option(
            names = "--namespace",
            paramLabel = "NS",
            description = "k8s-secret: metadata.namespace (default: default).")
    String namespace = "default";

    @Option(
            names = {"-o", "--out"},
            paramLabel = "FILE",
            description = "Write here atomically, mode 0600 (default: standard output).")
    Path outFile;

    private ExportFormat format;

    @Override
    void prepare() {
        format = ExportFormat.parse(formatName);
        if (json && format != ExportFormat.JSON) {
            throw new CliException(ExitCode.USAGE, "--json goes with --format json only");
        }
        if (format == ExportFormat.K8S_SECRET && name == null) {
            throw new CliException(ExitCode.USAGE, "--format k8s-secret needs --name");
        }
        if (format == ExportFormat.K8S_SECRET) {
            // checks the name and namespace before any network call
            format.write(Map.of(), new ExportFormat.Target(name, namespace));
        }
    }

    @Override
    int run(MachineSession session) throws Exception {
        Map<String, SecretText> values = VaultVariables.of(session, vault, folder);
        char[] text = null;
        try {
            text = format.write(values, new ExportFormat.Target(name, namespace));
            if (outFile == null) {
                SecretFiles.write(new FileOutputStream(FileDescriptor.out), text);
            } else {
                SecretFiles.writeAtomically(outFile, text);
            }
            return 0;
        } finally {
            values.values().forEach(SecretText::close);
            Bytes.wipe(text);
        }
    }
}
