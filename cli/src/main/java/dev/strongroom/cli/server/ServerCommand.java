package dev.strongroom.cli.server;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code strongroom server add|list|use}: the named sync servers this device works with. */
@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        description = "Manage server profiles (add, list, use).",
        subcommands = {ServerAddCommand.class, ServerListCommand.class, ServerUseCommand.class})
public final class ServerCommand implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required: add, list or use");
    }
}
