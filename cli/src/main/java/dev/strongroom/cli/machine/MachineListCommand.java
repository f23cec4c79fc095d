package dev.strongroom.cli.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.team.TeamCalls;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom machine list}: a team's machine accounts, revoked ones included: id, name,
 * status, expiry and vault grants (from the verified log), last use (from the server).
 */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List a team's machine accounts with their status, expiry and vaults.")
public final class MachineListCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(
            names = "--team",
            required = true,
            paramLabel = "TEAM",
            description = "Team id or name.")
    String team;

    @Override
    public Integer call() {
        ObjectNode d = TeamCalls.call(spec, "machine.list", "team", team);
        StringBuilder text = new StringBuilder();
        for (JsonNode m : d.path("machines")) {
            text.append(m.path("machineId").asText())
                    .append("  ")
                    .append(m.path("name").asText())
                    .append("  ")
                    .append(m.path("status").asText())
                    .append("  expires ")
                    .append(
                            m.path("expiresAt").isNumber()
                                    ? Instant.ofEpochMilli(m.path("expiresAt").asLong()).toString()
                                    : "never")
                    .append(" ");
            for (JsonNode g : m.path("grants")) {
                text.append(' ')
                        .append(
                                g.path("vault").isTextual()
                                        ? g.path("vault").asText()
                                        : g.path("vaultId").asText())
                        .append(':')
                        .append(g.path("permission").asText());
            }
            text.append('\n');
        }
        String out = text.toString().strip();
        return TeamCalls.print(spec, json, d, out.isEmpty() ? "no machine accounts" : out);
    }
}
