package dev.strongroom.client.api;

/**
 * The TLS handshake failed for a reason other than a pin mismatch (which is a {@link
 * dev.strongroom.client.alert.SecurityAlert}): typically an untrusted or expired certificate on a
 * server without a pinned fingerprint, or no common protocol.
 */
public final class TlsHandshakeException extends ServerException {
    private static final long serialVersionUID = 1L;

    public TlsHandshakeException(String message, Throwable cause) {
        super(message, cause);
    }
}
