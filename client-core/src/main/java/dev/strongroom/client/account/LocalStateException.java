package dev.strongroom.client.account;

/**
 * A local file of the client (server profiles, KDF pins) cannot be read or written, or is not a
 * valid document. Trust state is never silently reset: a corrupt pin file is an error for the user
 * to look at, not an empty one.
 */
public final class LocalStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LocalStateException(String message) {
        super(message);
    }

    public LocalStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
