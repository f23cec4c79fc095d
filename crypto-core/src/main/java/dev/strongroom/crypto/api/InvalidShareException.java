package dev.strongroom.crypto.api;

/**
 * Secret shares could not be combined: a mnemonic word or checksum is wrong, shares come from
 * different splits, there are fewer than the threshold, or the recovered secret fails its digest.
 */
public class InvalidShareException extends CryptoException {

    public InvalidShareException(String message) {
        super(message);
    }
}
