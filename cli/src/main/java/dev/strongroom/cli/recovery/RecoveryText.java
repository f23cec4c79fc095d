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

    /** The opened vaults and their items by name ({@code --json} carries every item in full). */
    static String opened(JsonNode reply) {
        StringBuilder b = new StringBuilder();
        for (JsonNode v : reply.path("opened")) {
            b.append("opened vault ")
                    .append(v.path("vaultId").asText())
                    .append(" (key version ")
                    .append(v.path("keyVersion").asInt())
                    .append(", ")
                    .append(v.path("items").asInt())
                    .append(" items; --json prints them in full)\n");
            for (JsonNode i : v.path("contents")) {
                b.append("  ")
                        .append(i.path("name").asText())
                        .append(" [")
                        .append(i.path("type").asText())
                        .append("]\n");
            }
        }
        b.append("SECURITY NOTICE: ").append(reply.path("notice").asText());
        return b.toString();
    }

    /** The status lines that need someone to act: a used recovery key, members to re-enrol. */
    static String notices(JsonNode status, String team) {
        StringBuilder b = new StringBuilder();
        for (JsonNode u : status.path("recoveryKeyUsed")) {
            b.append("\nSECURITY NOTICE: the recovery key was used: request ")
                    .append(u.path("requestId").asText())
                    .append(" by ")
                    .append(u.path("requesterEmail").asText())
                    .append(" for ")
                    .append(u.path("scope").asText())
                    .append(" reached its approvals; an owner must run 'strongroom recovery rekey ")
                    .append(team)
                    .append("'");
        }
        List<String> due = strings(status.path("reenrolmentDueEmails"));
        if (!due.isEmpty()) {
            b.append("\nenrolled under an older policy, must run 'strongroom recovery enrol ")
                    .append(team)
                    .append("' again: ")
                    .append(String.join(", ", due));
        }
        return b.toString();
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
