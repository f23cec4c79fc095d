package dev.strongroom.client.adversary;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.cache.VaultHeadPin;
import dev.strongroom.client.item.ItemSamples;
import dev.strongroom.client.item.ItemType;
import dev.strongroom.client.sync.QueuedWrite;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.model.vault.ItemRevision;
import dev.strongroom.model.vault.VaultHead;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.VaultHeadResponse;
import dev.strongroom.model.wire.WireJson;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Validly signed documents an insider (a member colluding with the server, or one whose access
 * ended) could make with their own keys: item revisions with arbitrary blobs and vault heads. The
 * server alone cannot sign; these show the checks behind the signatures.
 */
final class Forgery {

    private Forgery() {}

    /** A revision signed by {@code author} with the given blobs, as the server would serve it. */
    static JsonNode item(
            Device author,
            String teamId,
            String vaultId,
            String itemId,
            long revision,
            int keyVersion,
            byte[] wrap,
            byte[] content,
            long logSeq) {
        ItemRevision r =
                ItemRevision.of(
                        teamId,
                        vaultId,
                        itemId,
                        revision,
                        keyVersion,
                        wrap,
                        content,
                        false,
                        author.id(),
                        logSeq);
        byte[] sig = r.sign(author.session.identity());
        return WireJson.mapper()
                .valueToTree(
                        new ItemResponse(
                                UUID.fromString(itemId),
                                UUID.fromString(vaultId),
                                revision,
                                keyVersion,
                                wrap,
                                content,
                                false,
                                UUID.fromString(author.id()),
                                logSeq,
                                sig,
                                1_000_000L,
                                System.currentTimeMillis()));
    }

    /** A properly sealed new item of {@code type}, signed by {@code author} at {@code logSeq}. */
    static QueuedWrite sealed(
            Device author, String teamId, VaultKey key, String vaultId, long logSeq) {
        try (var content = ItemSamples.item(ItemType.LOGIN)) {
            return QueuedWrite.seal(
                    author.session.identity(),
                    author.id(),
                    teamId,
                    key,
                    vaultId,
                    UUID.randomUUID().toString(),
                    1,
                    content.toBytes(),
                    logSeq);
        }
    }

    static JsonNode item(QueuedWrite q) {
        return WireJson.mapper()
                .valueToTree(
                        new ItemResponse(
                                UUID.fromString(q.itemId()),
                                UUID.fromString(q.vaultId()),
                                q.revision(),
                                q.keyVersion(),
                                q.itemKeyWrap(),
                                q.content(),
                                q.deleted(),
                                UUID.fromString(q.authorId()),
                                q.logSeq(),
                                q.signature(),
                                1_000_000L,
                                System.currentTimeMillis()));
    }

    /** A head over {@code items} signed with {@code key} in the name of {@code authorId}. */
    static JsonNode head(
            String teamId,
            String vaultId,
            long counter,
            int keyVersion,
            Map<String, CachedItem> items,
            String authorId,
            long logSeq,
            IdentityKeys key) {
        Map<String, byte[]> hashes = new HashMap<>();
        items.forEach((id, i) -> hashes.put(id, i.revision().revisionHash(i.signature())));
        VaultHead h =
                new VaultHead(
                        teamId,
                        vaultId,
                        counter,
                        keyVersion,
                        VaultHead.digestOf(hashes),
                        items.size(),
                        authorId,
                        logSeq);
        return WireJson.mapper()
                .valueToTree(
                        new VaultHeadResponse(
                                UUID.fromString(vaultId),
                                counter,
                                keyVersion,
                                h.itemsDigest(),
                                items.size(),
                                UUID.fromString(authorId),
                                logSeq,
                                h.sign(key),
                                1_000_000L));
    }

    /** A cached (verified, genuine) revision as the server served it: what a replay sends. */
    static JsonNode served(CachedItem i) {
        ItemRevision r = i.revision();
        return WireJson.mapper()
                .valueToTree(
                        new ItemResponse(
                                UUID.fromString(i.itemId()),
                                UUID.fromString(i.vaultId()),
                                i.revisionNumber(),
                                r.keyVersion(),
                                i.wrappedItemKey(),
                                i.content(),
                                i.deleted(),
                                UUID.fromString(r.authorId()),
                                r.logSeq(),
                                i.signature(),
                                1L,
                                System.currentTimeMillis()));
    }

    /** A pinned (genuine) head as the server served it. */
    static JsonNode served(VaultHeadPin pin) {
        VaultHead h = pin.head();
        return WireJson.mapper()
                .valueToTree(
                        new VaultHeadResponse(
                                UUID.fromString(h.vaultId()),
                                h.counter(),
                                h.keyVersion(),
                                h.itemsDigest(),
                                h.itemCount(),
                                UUID.fromString(h.authorId()),
                                h.logSeq(),
                                pin.signature(),
                                1L));
    }

    /** The latest cached revision of every item of a vault, by item id. */
    static Map<String, CachedItem> items(Device d, String vaultId) {
        Map<String, CachedItem> out = new HashMap<>();
        d.cache.items(vaultId).forEach(i -> out.put(i.itemId(), i));
        return out;
    }
}
