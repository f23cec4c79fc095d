package dev.strongroom.cli.automation;

import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.cli.Output;
import dev.strongroom.client.automation.EnvFile;
import dev.strongroom.client.automation.headless.MachineSession;
import dev.strongroom.client.automation.headless.VaultVariables;
import dev.strongroom.client.secret.SecretText;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code strongroom run [--env-file F] [--vault V] [--mask] -- cmd args...}: runs a command with
 * secrets in its environment. The vault's variables come first; an env file's lines override them.
 * The exit code is the command's own.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run a command with secrets in its environment; exits with its exit code.")
public final class RunCommand extends HeadlessCommand {

    @Option(
            names = "--env-file",
            paramLabel = "FILE",
            description = "NAME=sr://team/vault/item/field lines (plain NAME=value allowed).")
    Path envFile;

    @Option(
            names = "--vault",
            paramLabel = "VAULT",
            description = "Every variable of this vault's environment-set items.")
    String vault;

    @Option(names = "--mask", description = "Replace secret values in the command's output.")
    boolean mask;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and arguments.")
    List<String> command;

    private EnvFile env;

    @Override
    void prepare() {
        if (envFile == null && vault == null) {
            throw new CliException(ExitCode.USAGE, "run needs --env-file, --vault or both");
        }
        if (envFile != null) {
            env = EnvFile.parse(SecretFiles.readText(envFile, "env file"));
        }
    }

    @Override
    int run(MachineSession session) throws Exception {
        Map<String, SecretText> vars = new LinkedHashMap<>();
        try {
            if (vault != null) {
                vars.putAll(VaultVariables.of(session, vault, null));
            }
            if (env != null) {
                for (EnvFile.Entry e : env.entries().values()) {
                    SecretText value =
                            e.reference().isPresent()
                                    ? session.resolve(e.reference().get())
                                    : SecretText.copyOf(e.literal().toCharArray());
                    SecretText old = vars.put(e.name(), value);
                    if (old != null) {
                        old.close();
                    }
                }
            }
            int code = ChildProcess.run(command, vars, mask);
            if (json) {
                // stdout is the command's own: the summary goes to stderr, after it
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("exitCode", code);
                doc.put("variables", List.copyOf(vars.keySet()));
                Output.json(spec.commandLine().getErr(), doc);
            }
            return code;
        } finally {
            vars.values().forEach(SecretText::close);
        }
    }
}
