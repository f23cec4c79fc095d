package dev.strongroom.client.cache;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An offline write waiting in the outbox. Ids grow strictly (never reused), so id order is the
 * order in which writes must be pushed.
 *
 * @param id outbox id
 * @param vaultId target vault
 * @param itemId target item
 * @param baseRevision the revision the edit started from (check-and-set); 0 for a new item
 * @param payload the prepared write, ciphertext only (opaque to the cache)
 * @param createdAt when it was queued
 * @param state whether a push has started
 */
public record PendingWrite(
        long id,
        String vaultId,
        String itemId,
        long baseRevision,
        byte[] payload,
        Instant createdAt,
        WriteState state) {

    public PendingWrite {
        Objects.requireNonNull(vaultId, "vaultId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(state, "state");
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PendingWrite other
                && id == other.id
                && vaultId.equals(other.vaultId)
                && itemId.equals(other.itemId)
                && baseRevision == other.baseRevision
                && Arrays.equals(payload, other.payload)
                && createdAt.equals(other.createdAt)
                && state == other.state;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "PendingWrite[#"
                + id
                + " "
                + vaultId
                + "/"
                + itemId
                + " base r"
                + baseRevision
                + "]";
    }
}
