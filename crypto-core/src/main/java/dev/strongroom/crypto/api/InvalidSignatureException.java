package dev.strongroom.crypto.api;

/** A signature did not verify under the given public key. */
public class InvalidSignatureException extends AuthenticationFailedException {

    public InvalidSignatureException(String message) {
        super(message);
    }
}
