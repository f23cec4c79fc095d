package dev.strongroom.cli.team;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom team invite}: Invite by one-time code (default) or add a key verified by
 * fingerprint; --complete adds those who accepted.
 */
@Command(
        name = "invite",
        mixinStandardHelpOptions = true,
        description =
                "Invite by one-time code (default) or add a key verified by fingerprint; --complete adds those who accepted.")
public final class TeamInviteCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "TEAM", description = "Team id or name.")
    String team;

    @Parameters(index = "1", arity = "0..1", paramLabel = "EMAIL", description = "Who to invite.")
    String email;

    @Option(names = "--role", defaultValue = "member", description = "member (default) or admin.")
    String role;

    @Option(
            names = "--fingerprint",
            description = "Add now: the key must be verified (team verify).")
    boolean byFingerprint;

    @Option(names = "--complete", description = "Add everyone who accepted with a valid proof.")
    boolean complete;

    @Override
    public Integer call() {
        if (complete) {
            ObjectNode d = TeamCalls.call(spec, "team.complete", "team", team);
            return TeamCalls.print(spec, json, d, "added " + d.path("added").size() + " member(s)");
        }
        if (email == null) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "EMAIL is required");
        }
        ObjectNode d =
                TeamCalls.call(
                        spec,
                        "team.invite",
                        "team",
                        team,
                        "email",
                        email,
                        "role",
                        role,
                        "method",
                        byFingerprint ? "fingerprint" : "code");
        return TeamCalls.print(
                spec,
                json,
                d,
                byFingerprint
                        ? "added " + email
                        : "invite code for "
                                + email
                                + " (hand it over in person, not by email):\n"
                                + d.path("code").asText()
                                + "\nwhen they have run team accept: strongroom team invite "
                                + team
                                + " --complete");
    }
}
