package dev.strongroom.crypto.api;

/** Input bytes or text are structurally invalid: truncated, wrong length, bad encoding. */
public class MalformedInputException extends CryptoException {

    public MalformedInputException(String message) {
        super(message);
    }
}
