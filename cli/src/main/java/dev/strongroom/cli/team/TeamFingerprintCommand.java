package dev.strongroom.cli.team;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom team fingerprint}: Show your safety number, or the one the server presents for
 * EMAIL.
 */
@Command(
        name = "fingerprint",
        mixinStandardHelpOptions = true,
        description = "Show your safety number, or the one the server presents for EMAIL.")
public final class TeamFingerprintCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "EMAIL",
            description = "Whose key (default: yours).")
    String email;

    @Override
    public Integer call() {
        ObjectNode d = TeamCalls.call(spec, "team.fingerprint", "email", email);
        StringBuilder words = new StringBuilder();
        d.path("words").forEach(w -> words.append(w.asText()).append(" "));
        return TeamCalls.print(
                spec,
                json,
                d,
                d.path("email").asText()
                        + "\n"
                        + d.path("digits").asText()
                        + "\n"
                        + words.toString().strip()
                        + "\n"
                        + (d.path("verified").asBoolean() ? "verified" : "not verified"));
    }
}
