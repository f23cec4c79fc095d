package dev.strongroom.cli.team;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strongroom team list}: List your teams (from the verified membership logs). */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List your teams (from the verified membership logs).")
public final class TeamListCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        ObjectNode d = TeamCalls.call(spec, "team.list");
        StringBuilder text = new StringBuilder();
        d.path("teams")
                .forEach(
                        t ->
                                text.append(t.path("teamId").asText())
                                        .append("  ")
                                        .append(t.path("name").asText())
                                        .append("  ")
                                        .append(t.path("myRole").asText())
                                        .append("  members=")
                                        .append(t.path("members").asInt())
                                        .append("\n"));
        // teams the server lists that this account never accepted: not synced, named as alerts
        d.path("unjoined")
                .forEach(
                        t ->
                                spec.commandLine()
                                        .getErr()
                                        .println("strongroom: " + t.path("alert").asText()));
        return TeamCalls.print(
                spec, json, d, text.length() == 0 ? "(no teams)" : text.toString().strip());
    }
}
