package dev.strongroom.cli.vault;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code strongroom vault create|list|rename}. */
@Command(
        name = "vault",
        mixinStandardHelpOptions = true,
        description = "Create, list and rename vaults.",
        subcommands = {
            VaultCreateCommand.class,
            VaultListCommand.class,
            VaultRenameCommand.class,
            VaultDeleteCommand.class,
            dev.strongroom.cli.team.VaultShareCommand.class,
            dev.strongroom.cli.team.VaultUnshareCommand.class,
            dev.strongroom.cli.team.VaultMembersCommand.class,
            dev.strongroom.cli.team.VaultRotateKeyCommand.class
        })
public final class VaultCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a vault command is required");
    }
}
