package dev.strongroom.client.cache;

import dev.strongroom.model.vault.VaultHead;
import java.util.Arrays;
import java.util.Objects;

/**
 * The highest verified head of a vault with its author's signature, kept so that the client can
 * refuse any older head a server serves later (drops, duplicates and rollbacks of items).
 *
 * @param head the verified head
 * @param signature its author's Ed25519 signature, as received
 */
public record VaultHeadPin(VaultHead head, byte[] signature) {

    public VaultHeadPin {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(signature, "signature");
        if (head.counter() < 0) {
            throw new IllegalArgumentException("head counter must not be negative");
        }
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VaultHeadPin other
                && head.equals(other.head)
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return head.hashCode() * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "VaultHeadPin[" + head.vaultId() + " #" + head.counter() + "]";
    }
}
