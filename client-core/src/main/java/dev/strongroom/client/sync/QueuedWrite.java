package dev.strongroom.client.sync;

import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.ItemKey;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.model.vault.ItemRevision;
import dev.strongroom.model.wire.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One signed item revision ready to send: the item key wrapped under the vault key, the content
 * sealed under the item key bound to (vault, item, revision), and the author's signature. It is the
 * payload of the cache's outbox (ciphertext only, JSON), so an edit made offline is durable and is
 * sent byte for byte as it was signed.
 */
public record QueuedWrite(
        String teamId,
        String vaultId,
        String itemId,
        long revision,
        int keyVersion,
        byte[] itemKeyWrap,
        byte[] content,
        boolean deleted,
        String authorId,
        long logSeq,
        byte[] signature) {

    /**
     * Seals and signs a revision. A fresh item key is drawn for every revision, so no key ever
     * seals two contents.
     *
     * @param plaintext the ItemContent bytes, or null for a tombstone (empty blobs)
     */
    public static QueuedWrite seal(
            IdentityKeys author,
            String authorId,
            String teamId,
            VaultKey vaultKey,
            String vaultId,
            String itemId,
            long revision,
            byte[] plaintext,
            long logSeq) {
        byte[] wrap = new byte[0];
        byte[] content = new byte[0];
        if (plaintext != null) {
            try (ItemKey itemKey = ItemKey.generate()) {
                wrap = vaultKey.wrapItemKey(itemKey, vaultId, itemId);
                content = itemKey.sealContent(plaintext, vaultId, itemId, revision);
            }
        }
        ItemRevision r =
                ItemRevision.of(
                        teamId,
                        vaultId,
                        itemId,
                        revision,
                        vaultKey.version(),
                        wrap,
                        content,
                        plaintext == null,
                        authorId,
                        logSeq);
        return new QueuedWrite(
                teamId,
                vaultId,
                itemId,
                revision,
                vaultKey.version(),
                wrap,
                content,
                plaintext == null,
                authorId,
                logSeq,
                r.sign(author));
    }

    public ItemRevision itemRevision() {
        return ItemRevision.of(
                teamId,
                vaultId,
                itemId,
                revision,
                keyVersion,
                itemKeyWrap,
                content,
                deleted,
                authorId,
                logSeq);
    }

    public CachedItem cachedItem() {
        return CachedItem.of(itemRevision(), itemKeyWrap, content, signature);
    }

    public byte[] toBytes() {
        try {
            return WireJson.mapper().writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static QueuedWrite fromBytes(byte[] payload) {
        try {
            return WireJson.mapper().readValue(payload, QueuedWrite.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable queued write", e);
        }
    }

    @Override
    public String toString() {
        return "QueuedWrite[" + vaultId + "/" + itemId + " r" + revision + "]";
    }
}
