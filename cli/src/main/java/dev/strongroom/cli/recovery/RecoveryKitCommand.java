package dev.strongroom.cli.recovery;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code strongroom recovery kit ...}: the offline recovery kit. */
@Command(
        name = "kit",
        mixinStandardHelpOptions = true,
        description = "The offline recovery kit: export, open.",
        subcommands = {RecoveryKitExportCommand.class, RecoveryKitOpenCommand.class})
public final class RecoveryKitCommand implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
