package dev.strongroom.cli;

import dev.strongroom.cli.generate.GenerateCommand;
import dev.strongroom.cli.totp.TotpCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code strongroom}: the command line front end over client-core. */
@Command(
        name = "strongroom",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Zero-knowledge team vault for engineers.",
        subcommands = {GenerateCommand.class, TotpCommand.class},
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
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(
                (ex, a) -> {
                    err.println("strongroom: " + ex.getMessage());
                    err.println("Try 'strongroom --help'.");
                    err.flush();
                    return ExitCode.USAGE.code();
                });
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> ErrorReporter.report(ex, err));
        return cli.execute(args);
    }
}
