package dev.strongroom.cli.sync;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code strongroom conflicts list|resolve}. */
@Command(
        name = "conflicts",
        mixinStandardHelpOptions = true,
        description = "Edits made on two sides at once: list them, keep one version.",
        subcommands = {ConflictsListCommand.class, ConflictsResolveCommand.class})
public final class ConflictsCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "list or resolve is required");
    }
}
