package dev.strongroom.model.vault;

import dev.strongroom.crypto.asym.Ed25519;
import dev.strongroom.crypto.asym.Ed25519PublicKey;
import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.mac.Sha256;

/**
 * What the author of an item revision signs: where the item is, which revision it is, under which
 * vault key version its key is wrapped, digests of the wrapped item key and of the content
 * envelope, whether it is a tombstone, and the log position the author wrote it at. Clients accept
 * a revision only if this verifies under the key of a member who held write access in the verified
 * log.
 */
public record ItemRevision(
        String teamId,
        String vaultId,
        String itemId,
        long revision,
        int keyVersion,
        byte[] wrappedItemKeyDigest,
        byte[] contentDigest,
        boolean deleted,
        String authorId,
        long logSeq) {

    public ItemRevision {
        wrappedItemKeyDigest = wrappedItemKeyDigest.clone();
        contentDigest = contentDigest.clone();
    }

    /** Describes a revision from its ciphertexts (a tombstone has empty ones). */
    public static ItemRevision of(
            String teamId,
            String vaultId,
            String itemId,
            long revision,
            int keyVersion,
            byte[] wrappedItemKey,
            byte[] content,
            boolean deleted,
            String authorId,
            long logSeq) {
        return new ItemRevision(
                teamId,
                vaultId,
                itemId,
                revision,
                keyVersion,
                Sha256.hash(wrappedItemKey),
                Sha256.hash(content),
                deleted,
                authorId,
                logSeq);
    }

    byte[] signedMessage() {
        return Canonical.of("strongroom/v1/item-revision")
                .add(teamId)
                .add(vaultId)
                .add(itemId)
                .add(revision)
                .add(keyVersion)
                .add(wrappedItemKeyDigest)
                .add(contentDigest)
                .add(deleted ? 1 : 0)
                .add(authorId)
                .add(logSeq)
                .toBytes();
    }

    public byte[] sign(IdentityKeys author) {
        return author.sign(signedMessage());
    }

    public boolean verify(Ed25519PublicKey authorKey, byte[] signature) {
        return Ed25519.isValid(authorKey, signedMessage(), signature);
    }

    /** The hash a vault head lists for this revision: covers the message and its signature. */
    public byte[] revisionHash(byte[] signature) {
        return Sha256.hash(
                Canonical.of("strongroom/v1/item-revision-hash")
                        .add(signedMessage())
                        .add(signature)
                        .toBytes());
    }

    @Override
    public byte[] wrappedItemKeyDigest() {
        return wrappedItemKeyDigest.clone();
    }

    @Override
    public byte[] contentDigest() {
        return contentDigest.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItemRevision other
                && java.util.Arrays.equals(signedMessage(), other.signedMessage());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(signedMessage());
    }

    @Override
    public String toString() {
        return "ItemRevision[" + vaultId + "/" + itemId + " r" + revision + "]";
    }
}
