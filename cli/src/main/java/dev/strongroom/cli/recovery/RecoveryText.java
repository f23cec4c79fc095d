package dev.strongroom.cli.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliContext;
import dev.strongroom.cli.SecretInput;
import dev.strongroom.cli.agent.AgentConnection;
import dev.strongroom.cli.team.TeamCalls;
import dev.strongroom.crypto.common.Bytes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** What the recovery commands share: text renderings and the password-reset call. */
final class RecoveryText {

    private RecoveryText() {}

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static String pending(JsonNode requests) {
        if (requests.isEmpty()) {
            return "no pending requests";
        }
        StringBuilder b = new StringBuilder();
        for (JsonNode r : requests) {
            JsonNode scope = r.path("scope");
            b.append(r.path("requestId").asText())
                    .append("  ")
                    .append(r.path("requesterEmail").asText())
                    .append("  ")
                    .append(scope.path("kind").asText())
                    .append(':')
                    .append(scope.path("target").asText())
                    .append("  ")
                    .append(Instant.ofEpochMilli(r.path("createdAt").asLong()))
                    .append("  ")
                    .append(r.path("status").asText())
                    .append(' ')
                    .append(r.path("approvals").asInt())
                    .append('/')
                    .append(r.path("threshold").asInt())
                    .append("  ")
                    .append(r.path("reason").asText())
                    .append('\n');
        }
        return b.toString().stripTrailing();
    }

    static String opened(JsonNode vaults) {
        StringBuilder b = new StringBuilder();
        for (JsonNode v : vaults) {
            b.append("opened vault ")
                    .append(v.path("vaultId").asText())
                    .append(" (key version ")
                    .append(v.path("keyVersion").asInt())
                    .append(", ")
                    .append(v.path("items").asInt())
                    .append(" items); read it with 'strongroom item list'\n");
        }
        return b.toString().stripTrailing();
    }

    /** Forgotten-password recovery: the member's new password goes to the agent as a secret. */
    static int reset(
            CommandSpec spec, boolean json, String team, String request, boolean passwordStdin) {
        char[] password =
                passwordStdin
                        ? SecretInput.readLine(System.in)
                        : SecretInput.prompt("The member's new master password");
        ObjectNode d;
        try {
            CliContext context = CliContext.of(spec);
            d =
                    AgentConnection.of(context, context.profile())
                            .call(
                                    "recovery.reset",
                                    Map.of("team", team, "request", request),
                                    Map.of("password", password));
        } finally {
            Bytes.wipe(password);
        }
        return TeamCalls.print(
                spec, json, d, "the member's master password is reset; their items are intact");
    }
}
