package dev.strongroom.client.recovery;

import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.sync.ItemContents;
import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.keys.ItemKey;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.model.vault.ItemRevision;
import dev.strongroom.model.wire.ItemResponse;

/**
 * One item revision as served to a recovery: checked against its author's signature, then opened
 * with the vault key of its version. Each step is done once per item (the revision's digests are
 * hashed once, for the signature and the head alike).
 */
final class RecoveredItem {

    private RecoveredItem() {}

    /**
     * The revision the item claims, with its author's signature checked.
     *
     * @throws RecoveryException if it names another vault, its author was never a member, or its
     *     signature does not verify
     */
    static ItemRevision verified(RecoveryLog log, String vaultId, ItemResponse r) {
        if (!vaultId.equals(String.valueOf(r.vaultId())) || r.itemId() == null) {
            throw new RecoveryException("an item does not belong to this vault");
        }
        ItemRevision revision =
                ItemRevision.of(
                        log.state().teamId(),
                        vaultId,
                        r.itemId().toString(),
                        r.revision(),
                        r.keyVersion(),
                        orEmpty(r.itemKeyWrap()),
                        orEmpty(r.content()),
                        r.deleted(),
                        String.valueOf(r.authorId()),
                        r.logSeq());
        PublicBundle author =
                log.everMember(String.valueOf(r.authorId()))
                        .orElseThrow(() -> new RecoveryException("an item's author is unknown"));
        if (r.signature() == null || !revision.verify(author.signingKey(), r.signature())) {
            throw new RecoveryException("an item's signature does not verify");
        }
        return revision;
    }

    /**
     * The content of a verified live revision. It is sealed at the revision's own number, except
     * for a key rotation's re-wrap, which keeps the earlier content byte for byte: only when the
     * first try fails are the earlier bindings tried, by the sync code that knows them.
     *
     * @throws RecoveryException if the key is not this revision's or the content does not open
     */
    static ItemContent open(VaultKey vaultKey, ItemRevision revision, ItemResponse r) {
        if (vaultKey == null || revision.keyVersion() != vaultKey.version()) {
            throw new RecoveryException("an item does not belong to this vault key");
        }
        byte[] plain = null;
        try (ItemKey ik =
                vaultKey.unwrapItemKey(r.itemKeyWrap(), revision.vaultId(), revision.itemId())) {
            plain =
                    ik.openContent(
                            r.content(), revision.vaultId(), revision.itemId(), r.revision());
        } catch (AuthenticationFailedException e) {
            plain = openEarlier(vaultKey, revision, r);
        } catch (CryptoException e) {
            throw new RecoveryException("an item does not open with the vault key");
        }
        try {
            return ItemContent.fromBytes(plain);
        } finally {
            Bytes.wipe(plain);
        }
    }

    private static byte[] openEarlier(VaultKey vaultKey, ItemRevision revision, ItemResponse r) {
        try {
            return ItemContents.open(
                    vaultKey, CachedItem.of(revision, r.itemKeyWrap(), r.content(), r.signature()));
        } catch (CryptoException e) {
            throw new RecoveryException("an item does not open with the vault key");
        }
    }

    private static byte[] orEmpty(byte[] b) {
        return b == null ? new byte[0] : b;
    }
}
