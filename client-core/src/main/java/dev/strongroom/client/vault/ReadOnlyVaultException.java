package dev.strongroom.client.vault;

/**
 * A write to a vault the verified membership log gives this account only read access to (or no
 * longer any). Refused before anything is queued, so nothing waits in the outbox for a write the
 * server would refuse.
 */
public final class ReadOnlyVaultException extends RuntimeException {

    public ReadOnlyVaultException() {
        super("you have read-only access to this vault");
    }
}
