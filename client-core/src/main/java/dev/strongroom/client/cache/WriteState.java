package dev.strongroom.client.cache;

/** Where a queued offline write stands. */
public enum WriteState {
    /** Waiting to be pushed. */
    QUEUED,
    /**
     * A push was started. After a crash the server may or may not have accepted it; the sync engine
     * finds out with check-and-set on the base revision, so a retry never overwrites.
     */
    SENDING
}
