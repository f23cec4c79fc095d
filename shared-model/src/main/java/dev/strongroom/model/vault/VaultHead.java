package dev.strongroom.model.vault;

import dev.strongroom.crypto.asym.Ed25519;
import dev.strongroom.crypto.asym.Ed25519PublicKey;
import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.mac.Sha256;
import java.util.Map;
import java.util.TreeMap;

/**
 * A vault's signed head: a counter that grows with every change and a digest of every live and
 * deleted item's latest revision hash. Clients pin the highest counter they have verified and
 * refuse anything older, so a server cannot drop, duplicate or roll back items unnoticed: the set
 * of items it serves must hash to the digest of a head at least as new as the pinned one.
 */
public record VaultHead(
        String teamId,
        String vaultId,
        long counter,
        int keyVersion,
        byte[] itemsDigest,
        int itemCount,
        String authorId,
        long logSeq) {

    public VaultHead {
        itemsDigest = itemsDigest.clone();
    }

    /** Digest over (item id, latest revision hash) in item-id order. */
    public static byte[] digestOf(Map<String, byte[]> revisionHashByItem) {
        Canonical canonical = Canonical.of("strongroom/v1/vault-items");
        for (Map.Entry<String, byte[]> e : new TreeMap<>(revisionHashByItem).entrySet()) {
            canonical.add(e.getKey()).add(e.getValue());
        }
        return Sha256.hash(canonical.toBytes());
    }

    byte[] signedMessage() {
        return Canonical.of("strongroom/v1/vault-head")
                .add(teamId)
                .add(vaultId)
                .add(counter)
                .add(keyVersion)
                .add(itemsDigest)
                .add(itemCount)
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

    @Override
    public byte[] itemsDigest() {
        return itemsDigest.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VaultHead other
                && java.util.Arrays.equals(signedMessage(), other.signedMessage());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(signedMessage());
    }

    @Override
    public String toString() {
        return "VaultHead[" + vaultId + " #" + counter + "]";
    }
}
