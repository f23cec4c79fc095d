package dev.strongroom.client.api;

/**
 * The server could not be reached or did not answer in time: connection refused, unknown host,
 * connect or request timeout, connection dropped mid-answer. Front ends say "server down" (or
 * "offline") and may fall back to the local cache.
 */
public final class ServerUnreachableException extends ServerException {
    private static final long serialVersionUID = 1L;

    public ServerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
