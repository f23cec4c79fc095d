package dev.strongroom.crypto.api;

/**
 * Ciphertext, tag, MAC or associated data did not authenticate. Nothing decrypted is returned when
 * this is thrown.
 */
public class AuthenticationFailedException extends CryptoException {

    public AuthenticationFailedException(String message) {
        super(message);
    }

    public AuthenticationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
