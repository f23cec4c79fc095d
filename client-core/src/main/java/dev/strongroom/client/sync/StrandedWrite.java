package dev.strongroom.client.sync;

/**
 * A queued offline write that can no longer be sent, because this account lost write access to its
 * vault (revoked, read-only, deleted vault, removed from the team). It stays in the cache's outbox,
 * never silently dropped, until the user discards it with {@link SyncEngine#discardStrandedWrite};
 * {@link SyncEngine#push()} skips it.
 */
public record StrandedWrite(long writeId, String vaultId, String itemId, long revision) {}
