package dev.strongroom.client.machine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.client.api.MalformedResponseException;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.wire.MachineCreateRequest;
import dev.strongroom.model.wire.MachineRevokeRequest;
import dev.strongroom.model.wire.MachineSecretRequest;
import dev.strongroom.model.wire.MachineSummary;
import dev.strongroom.model.wire.WireJson;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin's machine-account calls ({@code /api/v1/teams/{t}/machines}) under the account's
 * session. What the server returns is only what it says: names, timestamps and revocation. Who the
 * machine is and what it may read come from the verified log.
 */
final class MachineCalls {

    private static final String[] OPTIONAL = {"expiresAt", "revokedAt", "lastUsedAt"};

    private final UnlockedSession session;

    MachineCalls(UnlockedSession session) {
        this.session = session;
    }

    MachineSummary create(String teamId, SignedLogEntry entry, String name, byte[] secretHash) {
        String path = base(teamId);
        return summary(
                session.server()
                        .transport()
                        .post(
                                path,
                                session.token(),
                                new MachineCreateRequest(entry, name, secretHash),
                                201,
                                ObjectNode.class),
                "POST " + path);
    }

    List<MachineSummary> list(String teamId) {
        String path = base(teamId);
        ObjectNode tree = session.server().transport().get(path, session.token(), ObjectNode.class);
        JsonNode machines = tree.path("machines");
        if (!machines.isArray() || tree.size() != 1) {
            throw new MalformedResponseException(
                    "the server's reply to GET " + path + " is not a machine list");
        }
        List<MachineSummary> out = new ArrayList<>();
        for (JsonNode m : machines) {
            if (!m.isObject()) {
                throw new MalformedResponseException(
                        "the server's reply to GET " + path + " is not a machine list");
            }
            out.add(summary((ObjectNode) m, "GET " + path));
        }
        return out;
    }

    MachineSummary revoke(String teamId, String machineId, SignedLogEntry entry) {
        String path = base(teamId) + "/" + machineId + "/revoke";
        return summary(
                session.server()
                        .transport()
                        .post(
                                path,
                                session.token(),
                                new MachineRevokeRequest(entry),
                                200,
                                ObjectNode.class),
                "POST " + path);
    }

    MachineSummary rotateSecret(String teamId, String machineId, byte[] secretHash) {
        String path = base(teamId) + "/" + machineId + "/secret";
        return summary(
                session.server()
                        .transport()
                        .put(
                                path,
                                session.token(),
                                new MachineSecretRequest(secretHash),
                                200,
                                ObjectNode.class),
                "PUT " + path);
    }

    /**
     * The server leaves out the times that are unset; the strict wire mapper needs every field
     * present, so an absent one is read as an explicit null.
     */
    private static MachineSummary summary(ObjectNode tree, String request) {
        for (String optional : OPTIONAL) {
            if (!tree.has(optional)) {
                tree.putNull(optional);
            }
        }
        try {
            return WireJson.mapper().treeToValue(tree, MachineSummary.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedResponseException(
                    "the server's reply to " + request + " is not a valid MachineSummary");
        }
    }

    private static String base(String teamId) {
        return "/api/v1/teams/" + teamId + "/machines";
    }
}
