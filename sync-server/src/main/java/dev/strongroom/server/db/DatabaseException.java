package dev.strongroom.server.db;

/**
 * A database fault (not a client error). Its message is for the server log only and never reaches a
 * client; the HTTP layer answers a plain 500 or 503.
 */
public final class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
