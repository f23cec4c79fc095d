package dev.strongroom.cli.server;

import dev.strongroom.cli.CliContext;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.cli.Output;
import dev.strongroom.client.account.ServerProfile;
import dev.strongroom.client.account.ServerProfiles;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.TlsPin;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom server add NAME URL [--tls-pin sha256:HEX]}: remembers a server. Nothing is
 * sent to it; the first profile added becomes the current one.
 */
@Command(
        name = "add",
        mixinStandardHelpOptions = true,
        description = "Add a server profile (the first one becomes current).")
public final class ServerAddCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Profile name, e.g. work.")
    String name;

    @Parameters(index = "1", paramLabel = "URL", description = "https://host[:port][/prefix].")
    String url;

    @Option(
            names = "--tls-pin",
            paramLabel = "sha256:HEX",
            description =
                    "SHA-256 fingerprint of a self-signed server's certificate (as printed by"
                            + " strongroom-server tls-selfsigned).")
    String tlsPin;

    @Option(names = "--json", description = "Print JSON: {name, url, tlsPin, current}.")
    boolean json;

    @Override
    public Integer call() {
        ServerProfile profile;
        try {
            TlsPin pin = tlsPin == null ? null : TlsPin.parse(tlsPin);
            profile = new ServerProfile(name, ServerEndpoint.of(url, pin));
        } catch (IllegalArgumentException e) {
            // These messages describe the rule broken, never echo a secret (there is none here).
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
        ServerProfiles profiles = CliContext.of(spec).profiles();
        if (profiles.get(name).isPresent()) {
            throw new CliException(
                    ExitCode.CONFLICT, "a server profile named '" + name + "' already exists");
        }
        profiles.add(profile);
        boolean current = profiles.current().map(p -> p.name().equals(name)).orElse(false);
        Output.result(
                spec.commandLine().getOut(),
                json,
                ServerListCommand.describe(profile, current),
                "added server profile "
                        + name
                        + " ("
                        + profile.endpoint().baseUrl()
                        + ")"
                        + (current ? ", now current" : ""));
        return ExitCode.OK.code();
    }
}
