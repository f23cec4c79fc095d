package dev.strongroom.client.cert;

/**
 * PEM text, a certificate or a private key could not be read. Messages name the problem and at most
 * a line number or block label, never key material.
 */
public final class PemException extends IllegalArgumentException {

    public PemException(String message) {
        super(message);
    }

    public PemException(String message, Throwable cause) {
        super(message, cause);
    }
}
