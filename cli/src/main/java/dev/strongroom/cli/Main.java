package dev.strongroom.cli;

import dev.strongroom.cli.account.LockCommand;
import dev.strongroom.cli.account.LoginCommand;
import dev.strongroom.cli.account.LogoutCommand;
import dev.strongroom.cli.account.PasswdCommand;
import dev.strongroom.cli.account.RegisterCommand;
import dev.strongroom.cli.account.StatusCommand;
import dev.strongroom.cli.account.UnlockCommand;
import dev.strongroom.cli.automation.ExportCommand;
import dev.strongroom.cli.automation.InjectCommand;
import dev.strongroom.cli.automation.ReadCommand;
import dev.strongroom.cli.automation.RunCommand;
import dev.strongroom.cli.exposure.ExposureCommand;
import dev.strongroom.cli.generate.GenerateCommand;
import dev.strongroom.cli.item.ItemCommand;
import dev.strongroom.cli.machine.MachineCommand;
import dev.strongroom.cli.server.ServerCommand;
import dev.strongroom.cli.sync.ConflictsCommand;
import dev.strongroom.cli.sync.RotationReportCommand;
import dev.strongroom.cli.sync.SearchCommand;
import dev.strongroom.cli.sync.SyncCommand;
import dev.strongroom.cli.team.TeamCommand;
import dev.strongroom.cli.totp.TotpCommand;
import dev.strongroom.cli.vault.VaultCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code strongroom}: the command line front end over client-core. */
@Command(
        name = "strongroom",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Zero-knowledge team vault for engineers.",
        subcommands = {
            ServerCommand.class,
            RegisterCommand.class,
            LoginCommand.class,
            UnlockCommand.class,
            StatusCommand.class,
            LockCommand.class,
            LogoutCommand.class,
            PasswdCommand.class,
            VaultCommand.class,
            ItemCommand.class,
            SearchCommand.class,
            RotationReportCommand.class,
            SyncCommand.class,
            ConflictsCommand.class,
            GenerateCommand.class,
            TotpCommand.class,
            TeamCommand.class,
            ExposureCommand.class,
            MachineCommand.class,
            ReadCommand.class,
            RunCommand.class,
            InjectCommand.class,
            ExportCommand.class,
            dev.strongroom.cli.automation.WriteCommand.class,
            dev.strongroom.cli.recovery.RecoveryCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:error",
            "2:usage (unknown command, malformed flag)",
            "3:authentication (wrong password, locked, bad token)",
            "4:not found",
            "5:conflict",
            "6:security alert"
        })
public final class Main implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--config-dir",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            description =
                    "Configuration directory (default: $STRONGROOM_CONFIG_DIR, else"
                            + " ~/.config/strongroom).")
    Path configDir;

    @Option(
            names = "--server",
            scope = ScopeType.INHERIT,
            paramLabel = "NAME",
            description = "Server profile to use instead of the current one.")
    String server;

    private final Map<String, String> env;
    private CliContext context;

    Main(Map<String, String> env) {
        this.env = env;
    }

    /** The shared state of this invocation, built once the options are parsed. */
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

    public static void main(String[] args) {
        System.exit(
                run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one invocation; separate from main so in-process callers get the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (HeadlessMain.handles(args)) {
            return HeadlessMain.run(args, out, err); // a smaller command model: faster start
        }
        Main main = new Main(System.getenv());
        return execute(new CommandLine(main), args, out, err, () -> main.context().serverUrl());
    }

    /**
     * Runs {@code cli} with the CLI's output streams and error handling: usage errors and failures
     * become one plain line and the documented exit code. Shared with {@link HeadlessMain}.
     */
    static int execute(
            CommandLine cli,
            String[] args,
            PrintWriter out,
            PrintWriter err,
            java.util.function.Supplier<String> serverUrl) {
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(
                (ex, a) -> {
                    err.println(
                            "strongroom: "
                                    + ErrorReporter.oneLine(ex.getMessage())
                                    + " (see strongroom --help)");
                    err.flush();
                    return ExitCode.USAGE.code();
                });
        cli.setExecutionExceptionHandler(
                (ex, cmd, parsed) -> ErrorReporter.report(ex, err, serverUrl.get()));
        return cli.execute(args);
    }
}
