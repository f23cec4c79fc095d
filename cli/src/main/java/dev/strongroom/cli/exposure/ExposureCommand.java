package dev.strongroom.cli.exposure;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code strongroom exposure list|dismiss}: what people who lost access could read. */
@Command(
        name = "exposure",
        mixinStandardHelpOptions = true,
        description = "Items a removed member could read, until rotated or dismissed.",
        subcommands = {ExposureListCommand.class, ExposureDismissCommand.class})
public final class ExposureCommand implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required: list or dismiss");
    }
}
