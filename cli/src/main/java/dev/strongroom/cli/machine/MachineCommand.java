package dev.strongroom.cli.machine;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code strongroom machine ...}: machine accounts for CI jobs and scripts. */
@Command(
        name = "machine",
        mixinStandardHelpOptions = true,
        description = "Machine accounts for automation: create, list, revoke, rotate-token.",
        subcommands = {
            MachineCreateCommand.class,
            MachineListCommand.class,
            MachineRevokeCommand.class,
            MachineRotateTokenCommand.class
        })
public final class MachineCommand implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
