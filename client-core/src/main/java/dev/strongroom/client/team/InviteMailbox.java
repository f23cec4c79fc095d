package dev.strongroom.client.team;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.client.api.MalformedResponseException;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.model.wire.InviteAcceptRequest;
import dev.strongroom.model.wire.InviteCreateRequest;
import dev.strongroom.model.wire.InviteView;
import dev.strongroom.model.wire.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The server's invite endpoints; everything they return is alleged until a proof verifies. */
final class InviteMailbox {

    private final UnlockedSession session;

    InviteMailbox(UnlockedSession session) {
        this.session = session;
    }

    InviteView create(String teamId, InviteCreateRequest request) {
        return view(
                session.server()
                        .transport()
                        .post(base(teamId), session.token(), request, 201, ObjectNode.class));
    }

    List<InviteView> forTeam(String teamId) {
        return list(base(teamId));
    }

    List<InviteView> mine() {
        return list("/api/v1/invites");
    }

    InviteView accept(UUID inviteId, byte[] proof) {
        return view(
                session.server()
                        .transport()
                        .post(
                                "/api/v1/invites/" + inviteId + "/accept",
                                session.token(),
                                new InviteAcceptRequest(proof),
                                200,
                                ObjectNode.class));
    }

    private List<InviteView> list(String path) {
        ObjectNode tree = session.server().transport().get(path, session.token(), ObjectNode.class);
        JsonNode invites = tree.get("invites");
        if (invites == null || !invites.isArray()) {
            throw new MalformedResponseException("the server's invite list has no invites array");
        }
        List<InviteView> out = new ArrayList<>();
        for (JsonNode n : invites) {
            if (!(n instanceof ObjectNode o)) {
                throw new MalformedResponseException("an invite is not an object");
            }
            out.add(view(o));
        }
        return out;
    }

    /** The server leaves out fields that are null; the strict mapper needs them present. */
    private static InviteView view(ObjectNode tree) {
        for (String optional : new String[] {"inviteeId", "inviteeProof"}) {
            if (!tree.has(optional)) {
                tree.putNull(optional);
            }
        }
        try {
            return WireJson.mapper().treeToValue(tree, InviteView.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedResponseException("the server's invite is not a valid InviteView");
        }
    }

    void cancel(String teamId, UUID inviteId) {
        session.server()
                .transport()
                .deleteNoContent(base(teamId) + "/" + inviteId, session.token());
    }

    private static String base(String teamId) {
        return "/api/v1/teams/" + UUID.fromString(teamId) + "/invites";
    }
}
