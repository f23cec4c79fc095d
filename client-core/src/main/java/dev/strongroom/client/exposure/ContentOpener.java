package dev.strongroom.client.exposure;

import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.keys.ItemKey;
import dev.strongroom.crypto.keys.VaultKey;
import java.util.Arrays;
import java.util.List;

/**
 * Decrypts an item revision from the cache. A key rotation re-wraps an item key as a new revision
 * without re-sealing the content, so the content is bound to the revision that first sealed it: the
 * earliest revision of the unbroken run of revisions with the same content digest.
 */
final class ContentOpener {

    private final SyncEngine engine;
    private final List<CachedItem> revisions;

    /**
     * @param revisions the item's cached revisions, ascending
     */
    ContentOpener(SyncEngine engine, List<CachedItem> revisions) {
        this.engine = engine;
        this.revisions = revisions;
    }

    ItemContent open(CachedItem r) {
        VaultKey vk = engine.vaultKey(r.vaultId(), r.revision().keyVersion());
        byte[] plain = null;
        try (ItemKey ik = vk.unwrapItemKey(r.wrappedItemKey(), r.vaultId(), r.itemId())) {
            plain = ik.openContent(r.content(), r.vaultId(), r.itemId(), sealedAt(r));
            return ItemContent.fromBytes(plain);
        } finally {
            Bytes.wipe(plain);
        }
    }

    private long sealedAt(CachedItem r) {
        long at = r.revisionNumber();
        int i = revisions.indexOf(r);
        byte[] digest = r.revision().contentDigest();
        for (int j = i - 1; j >= 0; j--) {
            CachedItem earlier = revisions.get(j);
            if (earlier.revisionNumber() != at - 1
                    || !Arrays.equals(earlier.revision().contentDigest(), digest)) {
                break;
            }
            at = earlier.revisionNumber();
        }
        return at;
    }
}
