package dev.strongroom.client.exposure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.client.api.MalformedResponseException;
import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.model.vault.ItemRevision;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Revisions of an item this device never pulled (written and superseded between two of its syncs),
 * from the server's item history. Only revisions whose author signature verifies under the bundle
 * the verified log records for the author are kept; the rest are ignored. The server can still
 * withhold history: the report then covers what this device saw.
 */
final class ServedHistory {

    private final UnlockedSession session;
    private final AccessHistory log;

    ServedHistory(UnlockedSession session, AccessHistory log) {
        this.session = session;
        this.log = log;
    }

    List<CachedItem> revisions(String teamId, String vaultId, String itemId) {
        String path = "/api/v1/vaults/" + vaultId + "/items/" + itemId + "/history";
        ObjectNode tree = session.server().transport().get(path, session.token(), ObjectNode.class);
        List<CachedItem> out = new ArrayList<>();
        JsonNode revisions = tree.get("revisions");
        if (revisions == null || !revisions.isArray()) {
            throw new MalformedResponseException("the server's item history has no revisions");
        }
        for (JsonNode n : revisions) {
            if (!(n instanceof ObjectNode o)) {
                throw new MalformedResponseException("an item history entry is not an object");
            }
            for (String optional : new String[] {"changeSeq", "itemKeyWrap", "content"}) {
                if (!o.has(optional)) {
                    o.putNull(optional);
                }
            }
            verified(teamId, vaultId, itemId, read(o)).ifPresent(out::add);
        }
        return out;
    }

    private Optional<CachedItem> verified(
            String teamId, String vaultId, String itemId, ItemResponse r) {
        if (!vaultId.equals(String.valueOf(r.vaultId()))
                || !itemId.equals(String.valueOf(r.itemId()))
                || r.signature() == null) {
            return Optional.empty();
        }
        byte[] wrap = r.itemKeyWrap() == null ? new byte[0] : r.itemKeyWrap();
        byte[] content = r.content() == null ? new byte[0] : r.content();
        ItemRevision revision =
                ItemRevision.of(
                        teamId,
                        vaultId,
                        itemId,
                        r.revision(),
                        r.keyVersion(),
                        wrap,
                        content,
                        r.deleted(),
                        String.valueOf(r.authorId()),
                        r.logSeq());
        Optional<PublicBundle> author = log.bundle(String.valueOf(r.authorId()));
        if (author.isEmpty() || !revision.verify(author.get().signingKey(), r.signature())) {
            return Optional.empty();
        }
        return Optional.of(CachedItem.of(revision, wrap, content, r.signature()));
    }

    private static ItemResponse read(ObjectNode o) {
        try {
            return WireJson.mapper().treeToValue(o, ItemResponse.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedResponseException("an item history entry is not valid");
        }
    }
}
