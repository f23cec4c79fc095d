package dev.strongroom.cli.item;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code strongroom item add|edit|get|list|rm|history|restore|move}. */
@Command(
        name = "item",
        mixinStandardHelpOptions = true,
        description = "Add, change, read and remove items.",
        subcommands = {
            ItemAddCommand.class,
            ItemEditCommand.class,
            ItemGetCommand.class,
            ItemListCommand.class,
            ItemRmCommand.class,
            ItemHistoryCommand.class,
            ItemRestoreCommand.class,
            ItemMoveCommand.class
        })
public final class ItemCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "an item command is required");
    }
}
