package dev.strongroom.cli.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.vault.VaultInfo;
import dev.strongroom.client.vault.VaultService;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agent's vault commands: {@code vault.create}, {@code vault.list}, {@code vault.rename},
 * {@code vault.delete} (a signed team decision: owners and admins only).
 */
final class VaultOperations {

    static final int MAX_NAME = 256;

    private VaultOperations() {}

    static Map<String, AgentOperation> all() {
        Set<String> none = Set.of();
        return Map.of(
                "vault.create",
                        VaultOperation.of(
                                Set.of("name"), Set.of("team"), none, VaultOperations::create),
                "vault.list", VaultOperation.of(none, none, none, VaultOperations::list),
                "vault.rename",
                        VaultOperation.of(
                                Set.of("vault", "name"), none, none, VaultOperations::rename),
                "vault.delete",
                        VaultOperation.of(Set.of("vault"), none, none, VaultOperations::delete));
    }

    static ObjectNode json(VaultInfo v, int items) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", v.vaultId());
        n.put("name", v.name());
        n.put("teamId", v.teamId());
        n.put("keyVersion", v.keyVersion());
        n.put("permission", v.permission());
        if (items >= 0) {
            n.put("items", items);
        }
        return n;
    }

    private static ObjectNode create(VaultSession session, AgentRequest request) {
        String name = checkName(request.arg("name").orElseThrow());
        online(session, "create a vault");
        VaultService vaults = session.vaults();
        List<String> teams = session.engine().teams();
        String team = request.arg("team").orElse(null);
        VaultInfo created;
        if (team != null) {
            if (!teams.contains(team)) {
                throw new CliException(ExitCode.NOT_FOUND, "no team '" + team + "'");
            }
            created = vaults.createVault(team, name);
        } else if (teams.isEmpty()) {
            created = vaults.createPersonalVault(name);
        } else if (teams.size() == 1) {
            created = vaults.createVault(teams.get(0), name);
        } else {
            throw new CliException(ExitCode.USAGE, "several teams: choose one with --team");
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.set("vault", json(created, 0));
        return data;
    }

    private static ObjectNode list(VaultSession session, AgentRequest request) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ArrayNode out = data.putArray("vaults");
        for (VaultInfo v : session.vaults().listVaults()) {
            out.add(json(v, liveItems(session, v.vaultId())));
        }
        return data;
    }

    private static ObjectNode rename(VaultSession session, AgentRequest request) {
        String name = checkName(request.arg("name").orElseThrow());
        VaultInfo v = ItemLookup.vault(session.vaults(), request.arg("vault").orElseThrow());
        online(session, "rename a vault");
        session.vaults().rename(v.vaultId(), name);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.set("vault", json(session.vaults().vault(v.vaultId()), -1));
        return data;
    }

    private static ObjectNode delete(VaultSession session, AgentRequest request) {
        VaultInfo v = ItemLookup.vault(session.vaults(), request.arg("vault").orElseThrow());
        online(session, "delete a vault");
        if (!"WRITE".equals(v.permission())) {
            throw new CliException(ExitCode.ERROR, "not allowed: only a writer may delete a vault");
        }
        session.vaults().deleteVault(v.vaultId());
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("deleted", v.vaultId());
        data.put("name", v.name());
        return data;
    }

    private static int liveItems(VaultSession session, String vaultId) {
        return (int) session.cache().items(vaultId).stream().filter(i -> !i.deleted()).count();
    }

    /** Vault changes are log entries and metadata with check-and-set: they need the server. */
    static void online(VaultSession session, String what) {
        if (session.offline()) {
            throw new CliException(
                    ExitCode.ERROR,
                    "cannot reach the server to "
                            + what
                            + " (vault changes are not queued offline; items are)");
        }
    }

    static String checkName(String name) {
        String n = name.strip();
        if (n.isEmpty()
                || n.length() > MAX_NAME
                || n.codePoints().anyMatch(Character::isISOControl)) {
            throw new CliException(
                    ExitCode.USAGE, "a vault name is 1 to " + MAX_NAME + " printable characters");
        }
        return n;
    }
}
