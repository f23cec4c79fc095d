package dev.strongroom.cli;

import dev.strongroom.cli.automation.ExportCommand;
import dev.strongroom.cli.automation.InjectCommand;
import dev.strongroom.cli.automation.ReadCommand;
import dev.strongroom.cli.automation.RunCommand;
import dev.strongroom.cli.automation.WriteCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root for a headless command named first on the command line ({@code strongroom read ...}):
 * the same global options, exit codes and error handling as {@link Main}, but a command model of
 * the headless commands only. Picocli inspects every registered command's annotations before it
 * parses anything, and for the whole CLI that is about a quarter of a cold {@code read} (see
 * bench/RESULTS.md); a CI step waits for it on every call. Any other shape of command line ({@code
 * strongroom --server x read ...}, {@code strongroom --help}) goes through {@link Main}.
 */
@Command(
        name = "strongroom",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {
            ReadCommand.class,
            RunCommand.class,
            InjectCommand.class,
            ExportCommand.class,
            WriteCommand.class
        })
final class HeadlessMain implements Runnable {

    private static final Set<String> COMMANDS = Set.of("read", "run", "inject", "export", "write");

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--config-dir",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            description = "Configuration directory (default: $STRONGROOM_CONFIG_DIR).")
    Path configDir;

    @Option(
            names = "--server",
            scope = ScopeType.INHERIT,
            paramLabel = "NAME",
            description = "Server profile to use instead of the current one.")
    String server;

    private final Map<String, String> env;
    private CliContext context;

    private HeadlessMain(Map<String, String> env) {
        this.env = env;
    }

    static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    synchronized CliContext context() {
        if (context == null) {
            context = new CliContext(configDir, server, env);
        }
        return context;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    static int run(String[] args, PrintWriter out, PrintWriter err) {
        HeadlessMain main = new HeadlessMain(System.getenv());
        return Main.execute(
                new CommandLine(main), args, out, err, () -> main.context().serverUrl());
    }
}
