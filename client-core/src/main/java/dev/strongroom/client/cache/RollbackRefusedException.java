package dev.strongroom.client.cache;

/**
 * An update would move verified state backward or rewrite it: the rollback defence. The sync engine
 * raises a security alert naming {@link #reason()}; the cache is left exactly as it was.
 */
public class RollbackRefusedException extends CacheException {

    /** What the refused update would have done. */
    public enum Reason {
        /** A team pin with a lower log sequence than the pinned one. */
        TEAM_LOG_BACKWARD,
        /** A team pin at the pinned sequence but with another head hash (a fork). */
        TEAM_LOG_FORK,
        /** A team pin whose genesis hash differs from the pinned genesis. */
        GENESIS_CHANGED,
        /** A log entry at a stored sequence whose bytes differ from the stored entry. */
        LOG_ENTRY_REWRITTEN,
        /** A vault head with a lower counter than the pinned head. */
        VAULT_HEAD_BACKWARD,
        /** A vault head with the pinned counter but other content (a fork). */
        VAULT_HEAD_FORK,
        /** A vault that would change team. */
        VAULT_TEAM_CHANGED,
        /** An item revision lower than the cached latest revision. */
        ITEM_BACKWARD,
        /** An item at the cached latest revision but with other bytes (a fork). */
        ITEM_FORK
    }

    private final Reason reason;

    public RollbackRefusedException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
