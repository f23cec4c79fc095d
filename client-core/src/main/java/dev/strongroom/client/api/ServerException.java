package dev.strongroom.client.api;

/**
 * Root of everything that can go wrong talking to a sync server: it was unreachable ({@link
 * ServerUnreachableException}), the TLS handshake failed ({@link TlsHandshakeException}), its reply
 * was not a valid document ({@link MalformedResponseException}), or it answered with an error
 * ({@link ApiException} and subclasses). Security alerts are not server exceptions: they are {@link
 * dev.strongroom.client.alert.SecurityAlert}s. Messages never contain tokens or request bodies.
 */
public abstract class ServerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected ServerException(String message) {
        super(message);
    }

    protected ServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
