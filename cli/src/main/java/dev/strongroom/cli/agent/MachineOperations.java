package dev.strongroom.cli.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.automation.AutomationInputException;
import dev.strongroom.client.automation.MachineToken;
import dev.strongroom.client.machine.MachineException;
import dev.strongroom.client.machine.MachineInfo;
import dev.strongroom.client.machine.MachineService;
import dev.strongroom.client.team.RemovalReport;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.wire.WireJson;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The agent's machine-account commands ({@code machine.create}, {@code machine.list}, {@code
 * machine.revoke}, {@code machine.rotate-token}) over a {@link MachineService} on the agent's
 * shared engine and team service. A new token travels back to the CLI once, in the reply, as the
 * invite codes do; the agent keeps no copy. The current token for a rotation arrives as a secret.
 */
final class MachineOperations {

    private MachineOperations() {}

    static Map<String, AgentOperation> all() {
        Map<String, AgentOperation> ops = new HashMap<>();
        ops.put(
                "machine.create",
                op(
                        Set.of("team", "name", "grants"),
                        Set.of("expiresAt"),
                        Set.of(),
                        MachineOperations::create));
        ops.put("machine.list", op(Set.of("team"), Set.of(), Set.of(), MachineOperations::list));
        ops.put(
                "machine.revoke",
                op(Set.of("team", "machine"), Set.of(), Set.of(), MachineOperations::revoke));
        ops.put(
                "machine.rotate-token",
                op(
                        Set.of("team", "machine"),
                        Set.of(),
                        Set.of("token"),
                        MachineOperations::rotate));
        return ops;
    }

    private static ObjectNode create(AgentHost h, AgentRequest r) {
        String team = TeamOperations.teamId(h, r.arg("team").orElseThrow());
        MachineVaults vaults = new MachineVaults(h.vault().vaults(), team);
        Map<String, Permission> grants = new LinkedHashMap<>();
        for (JsonNode g : grantList(r.arg("grants").orElseThrow())) {
            grants.put(
                    vaults.id(g.path("vault").asText()), permission(g.path("permission").asText()));
        }
        Instant expiry =
                r.arg("expiresAt").map(m -> Instant.ofEpochMilli(Long.parseLong(m))).orElse(null);
        String name = r.arg("name").orElseThrow();
        try (MachineToken token = service(h).create(team, name, grants, expiry)) {
            ObjectNode out = obj().put("machineId", token.machineId().toString()).put("name", name);
            out.put("teamId", team);
            if (expiry != null) {
                out.put("expiresAt", expiry.toEpochMilli());
            }
            out.set("grants", vaults.render(grants));
            return withToken(out, token);
        }
    }

    private static ObjectNode list(AgentHost h, AgentRequest r) {
        String team = TeamOperations.teamId(h, r.arg("team").orElseThrow());
        MachineVaults vaults = new MachineVaults(h.vault().vaults(), team);
        ArrayNode machines = JsonNodeFactory.instance.arrayNode();
        long now = System.currentTimeMillis();
        for (MachineInfo m : service(h).list(team)) {
            ObjectNode o = obj().put("machineId", m.machineId()).put("name", m.name());
            o.put("status", m.status(now).name().toLowerCase(java.util.Locale.ROOT));
            o.set("grants", vaults.render(m.grants()));
            o.set("expiresAt", tree(m.expiresAt()));
            o.set("revokedAt", tree(m.revokedAt()));
            o.put("createdBy", m.createdBy());
            o.set("createdAt", tree(m.createdAt()));
            o.set("lastUsedAt", tree(m.lastUsedAt()));
            machines.add(o);
        }
        ObjectNode out = obj().put("teamId", team);
        out.set("machines", machines);
        return out;
    }

    private static ObjectNode revoke(AgentHost h, AgentRequest r) {
        String team = TeamOperations.teamId(h, r.arg("team").orElseThrow());
        MachineService machines = service(h);
        MachineInfo m = machines.find(team, r.arg("machine").orElseThrow());
        if (m.revoked()) {
            throw new CliException(
                    ExitCode.CONFLICT, "machine account " + m.machineId() + " is already revoked");
        }
        RemovalReport report = machines.revoke(team, m.machineId());
        ObjectNode out = (ObjectNode) tree(report);
        out.put("name", m.name());
        return out;
    }

    private static ObjectNode rotate(AgentHost h, AgentRequest r) {
        String team = TeamOperations.teamId(h, r.arg("team").orElseThrow());
        MachineService machines = service(h);
        MachineInfo m = machines.find(team, r.arg("machine").orElseThrow());
        MachineToken current;
        try {
            current = MachineToken.parse(r.secret("token"));
        } catch (AutomationInputException e) {
            throw new CliException(ExitCode.AUTHENTICATION, e.getMessage());
        }
        try (current) {
            if (!current.machineId().toString().equals(m.machineId())) {
                throw new CliException(
                        ExitCode.AUTHENTICATION,
                        "the token given is not machine " + m.machineId() + "'s");
            }
            if (m.revoked()) {
                throw new CliException(
                        ExitCode.CONFLICT, "machine account " + m.machineId() + " is revoked");
            }
            try (MachineToken next = machines.rotateToken(team, current)) {
                return withToken(obj().put("machineId", m.machineId()).put("name", m.name()), next);
            }
        }
    }

    private static ObjectNode withToken(ObjectNode out, MachineToken token) {
        char[] text = token.toChars();
        try {
            return out.put("token", new String(text));
        } finally {
            Bytes.wipe(text);
        }
    }

    private static MachineService service(AgentHost h) {
        return new MachineService(h.vault().engine(), TeamOperations.teams(h));
    }

    private static JsonNode grantList(String raw) {
        try {
            JsonNode list = WireJson.mapper().readTree(raw);
            if (list != null && list.isArray()) {
                return list;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new AgentProtocolException("grants must be a JSON array");
    }

    private static Permission permission(String raw) {
        return switch (raw) {
            case "read" -> Permission.READ;
            case "write" -> Permission.WRITE;
            default -> throw new CliException(ExitCode.USAGE, "permission must be read or write");
        };
    }

    private interface Body {
        ObjectNode run(AgentHost host, AgentRequest request);
    }

    private static AgentOperation op(
            Set<String> required, Set<String> optional, Set<String> secrets, Body body) {
        return new AgentOperation(
                required,
                optional,
                secrets,
                true,
                (h, r) -> {
                    try {
                        return body.run(h, r);
                    } catch (MachineException e) {
                        throw new CliException(ExitCode.ERROR, e.getMessage());
                    } catch (IllegalArgumentException e) {
                        throw new CliException(ExitCode.NOT_FOUND, e.getMessage());
                    }
                });
    }

    private static ObjectNode obj() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static JsonNode tree(Object value) {
        return WireJson.mapper().valueToTree(value);
    }
}
