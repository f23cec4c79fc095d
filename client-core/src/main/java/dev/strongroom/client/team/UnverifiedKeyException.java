package dev.strongroom.client.team;

/**
 * The operation needs a key this device has not verified (no pinned fingerprint and no invite
 * code): an unverified key is never used. Verify the fingerprint first, or invite by code.
 */
public final class UnverifiedKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnverifiedKeyException(String message) {
        super(message);
    }
}
