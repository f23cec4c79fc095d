package dev.strongroom.cli.server;

import dev.strongroom.cli.CliContext;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.cli.Output;
import dev.strongroom.client.account.ServerProfile;
import dev.strongroom.client.account.ServerProfiles;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strongroom server use NAME}: makes a profile the current one. */
@Command(
        name = "use",
        mixinStandardHelpOptions = true,
        description = "Make a server profile the current one.")
public final class ServerUseCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Profile name.")
    String name;

    @Option(names = "--json", description = "Print JSON: {name, url, tlsPin, current}.")
    boolean json;

    @Override
    public Integer call() {
        ServerProfiles profiles = CliContext.of(spec).profiles();
        ServerProfile profile =
                profiles.get(name)
                        .orElseThrow(
                                () ->
                                        new CliException(
                                                ExitCode.NOT_FOUND,
                                                "no server profile named '"
                                                        + name
                                                        + "' (see strongroom server list)"));
        profiles.use(name);
        Output.result(
                spec.commandLine().getOut(),
                json,
                ServerListCommand.describe(profile, true),
                "now using server profile " + name + " (" + profile.endpoint().baseUrl() + ")");
        return ExitCode.OK.code();
    }
}
