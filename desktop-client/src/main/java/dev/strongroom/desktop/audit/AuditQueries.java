package dev.strongroom.desktop.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.client.api.MalformedResponseException;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.model.wire.AuditEventsResponse;
import dev.strongroom.model.wire.AuditVerifyResponse;
import dev.strongroom.model.wire.WireJson;

/**
 * The audit calls for team owners and admins, under the account's session: a page of the team's
 * events matching a filter, and the server's verification of the whole hash chain. client-core has
 * no service for these (they carry no secret and need no crypto), so the screen calls the transport
 * directly. Run on the background worker.
 */
final class AuditQueries {

    static final int PAGE = 200;
    private static final String[] EVENT_OPTIONAL = {
        "actorId", "address", "teamId", "targetKind", "targetId", "detail"
    };
    private static final String[] VERIFY_OPTIONAL = {"lastVerifiedHash", "problem"};

    private final UnlockedSession session;

    AuditQueries(UnlockedSession session) {
        this.session = session;
    }

    AuditEventsResponse page(String teamId, AuditFilter filter, long after) {
        String path = base(teamId) + filter.query(after, PAGE);
        ObjectNode tree = get(path);
        for (JsonNode event : tree.path("events")) {
            if (event instanceof ObjectNode e) {
                nullsForAbsent(e, EVENT_OPTIONAL);
            }
        }
        return read(tree, AuditEventsResponse.class, path);
    }

    AuditVerifyResponse verify(String teamId) {
        String path = base(teamId) + "/verify";
        ObjectNode tree = get(path);
        nullsForAbsent(tree, VERIFY_OPTIONAL);
        return read(tree, AuditVerifyResponse.class, path);
    }

    private ObjectNode get(String path) {
        return session.server().transport().get(path, session.token(), ObjectNode.class);
    }

    /**
     * The server leaves unset fields out; the strict wire mapper needs every field present, so an
     * absent optional one is read as an explicit null (as client-core's machine calls do).
     */
    private static void nullsForAbsent(ObjectNode node, String[] optional) {
        for (String field : optional) {
            if (!node.has(field)) {
                node.putNull(field);
            }
        }
    }

    private static <T> T read(ObjectNode tree, Class<T> type, String path) {
        try {
            return WireJson.mapper().treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedResponseException(
                    "the server's reply to GET "
                            + path
                            + " is not a valid "
                            + type.getSimpleName());
        }
    }

    private static String base(String teamId) {
        return "/api/v1/teams/" + teamId + "/audit";
    }
}
