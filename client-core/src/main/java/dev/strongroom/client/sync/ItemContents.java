package dev.strongroom.client.sync;

import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.keys.ItemKey;
import dev.strongroom.crypto.keys.VaultKey;

/**
 * Opens a verified item revision's content. A revision's content is sealed bound to (vault, item,
 * revision) — except after a vault key rotation: the rotation gives every live item a new revision
 * whose item key is re-wrapped under the new vault key while the content envelope is kept byte for
 * byte, still bound to the revision that wrote it. So the content is tried at the revision's own
 * number first and then at earlier ones. This is safe only for revisions the {@link SyncEngine} has
 * verified: it accepts an earlier binding only for a rotation's re-wrap, whose signer vouched for
 * the exact content bytes.
 */
public final class ItemContents {

    private ItemContents() {}

    /**
     * The decrypted content bytes (the caller wipes them).
     *
     * @param vaultKey the verified vault key of the revision's key version
     * @throws AuthenticationFailedException if it opens at no revision up to its own
     */
    public static byte[] open(VaultKey vaultKey, CachedItem item) {
        try (ItemKey ik =
                vaultKey.unwrapItemKey(item.wrappedItemKey(), item.vaultId(), item.itemId())) {
            return openWith(ik, item, item.revisionNumber());
        }
    }

    /** Opens at {@code upTo} or the latest earlier revision it was sealed at. */
    static byte[] openWith(ItemKey ik, CachedItem item, long upTo) {
        AuthenticationFailedException first = null;
        for (long r = upTo; r >= 1; r--) {
            try {
                return ik.openContent(item.content(), item.vaultId(), item.itemId(), r);
            } catch (AuthenticationFailedException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        throw first != null
                ? first
                : new AuthenticationFailedException("item content did not open");
    }
}
