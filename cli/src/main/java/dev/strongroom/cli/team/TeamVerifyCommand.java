package dev.strongroom.cli.team;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom team verify}: Pin EMAIL's key after comparing its fingerprint (digits or words)
 * out of band.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description =
                "Pin EMAIL's key after comparing its fingerprint (digits or words) out of band.")
public final class TeamVerifyCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "EMAIL", description = "Whose key.")
    String email;

    @Parameters(
            index = "1",
            arity = "1..*",
            paramLabel = "FINGERPRINT",
            description = "The digits or words they read to you.")
    java.util.List<String> fingerprint;

    @Override
    public Integer call() {
        ObjectNode d =
                TeamCalls.call(
                        spec,
                        "team.verify",
                        "email",
                        email,
                        "fingerprint",
                        String.join(" ", fingerprint));
        return TeamCalls.print(spec, json, d, "verified and pinned the key of " + email);
    }
}
