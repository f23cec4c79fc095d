package dev.strongroom.client.cache;

import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.vault.ItemRevision;
import java.util.Arrays;
import java.util.Objects;

/**
 * One revision of an item exactly as the server sent it: the signed {@link ItemRevision}, the item
 * key wrapped under the vault key, the content envelope and the author's signature. Everything is
 * ciphertext; a tombstone has empty blobs.
 */
public final class CachedItem {

    private final ItemRevision revision;
    private final byte[] wrappedItemKey;
    private final byte[] content;
    private final byte[] signature;

    private CachedItem(
            ItemRevision revision, byte[] wrappedItemKey, byte[] content, byte[] signature) {
        this.revision = Objects.requireNonNull(revision, "revision");
        this.wrappedItemKey = wrappedItemKey.clone();
        this.content = content.clone();
        this.signature = signature.clone();
    }

    /**
     * A revision with its blobs.
     *
     * @throws IllegalArgumentException if the blobs do not hash to the digests the revision signs,
     *     so the cache never holds a row whose signature does not describe its own bytes
     */
    public static CachedItem of(
            ItemRevision revision, byte[] wrappedItemKey, byte[] content, byte[] signature) {
        CachedItem item = new CachedItem(revision, wrappedItemKey, content, signature);
        if (!item.digestsMatch()) {
            throw new IllegalArgumentException(
                    "blobs of " + revision + " do not match the digests it signs");
        }
        return item;
    }

    /** Rebuilds a stored row without re-hashing (the row was checked by {@link #of} on write). */
    static CachedItem fromRow(
            ItemRevision revision, byte[] wrappedItemKey, byte[] content, byte[] signature) {
        return new CachedItem(revision, wrappedItemKey, content, signature);
    }

    /**
     * True if the wrapped key and content hash to the digests in {@link #revision()}. Reads skip
     * this (listing must be fast, and the AEAD authenticates content on decryption); a verifier
     * that recomputes a vault head digest from cached rows should call it.
     */
    public boolean digestsMatch() {
        return ConstantTime.equals(Sha256.hash(wrappedItemKey), revision.wrappedItemKeyDigest())
                & ConstantTime.equals(Sha256.hash(content), revision.contentDigest());
    }

    /** The signed description of this revision. */
    public ItemRevision revision() {
        return revision;
    }

    public String vaultId() {
        return revision.vaultId();
    }

    public String itemId() {
        return revision.itemId();
    }

    public long revisionNumber() {
        return revision.revision();
    }

    public boolean deleted() {
        return revision.deleted();
    }

    public byte[] wrappedItemKey() {
        return wrappedItemKey.clone();
    }

    public byte[] content() {
        return content.clone();
    }

    public byte[] signature() {
        return signature.clone();
    }

    // Package-private views for the row writer: no copy per column on bulk writes.
    byte[] wrappedItemKeyView() {
        return wrappedItemKey;
    }

    byte[] contentView() {
        return content;
    }

    byte[] signatureView() {
        return signature;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CachedItem other
                && revision.equals(other.revision)
                && Arrays.equals(wrappedItemKey, other.wrappedItemKey)
                && Arrays.equals(content, other.content)
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return revision.hashCode() * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "CachedItem[" + vaultId() + "/" + itemId() + " r" + revisionNumber() + "]";
    }
}
