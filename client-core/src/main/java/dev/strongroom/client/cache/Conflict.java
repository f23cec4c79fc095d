package dev.strongroom.client.cache;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A queued write the server refused because the item changed meanwhile. Both versions are kept
 * until the user decides ({@link LocalCache#resolveConflict} or {@link
 * LocalCache#discardConflict}); nothing is overwritten silently.
 *
 * @param id conflict id
 * @param localBaseRevision the revision the local edit started from
 * @param localPayload the local edit, as it was queued
 * @param localCreatedAt when the local edit was queued
 * @param server the revision the server holds
 * @param detectedAt when the conflict was recorded
 */
public record Conflict(
        long id,
        long localBaseRevision,
        byte[] localPayload,
        Instant localCreatedAt,
        CachedItem server,
        Instant detectedAt) {

    public Conflict {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(localCreatedAt, "localCreatedAt");
        Objects.requireNonNull(detectedAt, "detectedAt");
        localPayload = localPayload.clone();
    }

    public String vaultId() {
        return server.vaultId();
    }

    public String itemId() {
        return server.itemId();
    }

    @Override
    public byte[] localPayload() {
        return localPayload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Conflict other
                && id == other.id
                && localBaseRevision == other.localBaseRevision
                && Arrays.equals(localPayload, other.localPayload)
                && localCreatedAt.equals(other.localCreatedAt)
                && server.equals(other.server)
                && detectedAt.equals(other.detectedAt);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "Conflict[#" + id + " " + vaultId() + "/" + itemId() + "]";
    }
}
