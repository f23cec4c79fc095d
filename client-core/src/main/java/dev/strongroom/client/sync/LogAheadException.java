package dev.strongroom.client.sync;

/**
 * A correctly signed revision or head names a log position beyond the log this client has verified:
 * another writer synced the log after this client did. Not an alert by itself: the engine verifies
 * the newer log entries and tries again once; only if the server still cannot serve the position
 * named does it become an {@code UNAUTHORIZED_CHANGE} alert.
 */
final class LogAheadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LogAheadException(String detail) {
        super(detail, null, false, false);
    }
}
