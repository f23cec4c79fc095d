package dev.strongroom.crypto.api;

/**
 * A key derived from a password failed to unwrap what it protects: the password is wrong (or the
 * wrapped key was tampered with; the two are indistinguishable by design).
 */
public class InvalidPassphraseException extends CryptoException {

    public InvalidPassphraseException() {
        super("The password is wrong or the protected key was altered");
    }
}
