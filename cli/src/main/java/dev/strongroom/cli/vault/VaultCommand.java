package dev.strongroom.cli.vault;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code strongroom vault create|list|rename}. */
@Command(
        name = "vault",
        mixinStandardHelpOptions = true,
        description = "Create, list and rename vaults.",
        subcommands = {VaultCreateCommand.class, VaultListCommand.class, VaultRenameCommand.class})
public final class VaultCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a vault command is required");
    }
}
