package dev.strongroom.crypto.api;

/**
 * Root of every failure raised by crypto-core.
 *
 * <p>Messages name what went wrong (an algorithm, a length, a parameter) and never contain key
 * material, plaintext or passwords. Callers catch the subclasses they can act on.
 */
public class CryptoException extends RuntimeException {

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
