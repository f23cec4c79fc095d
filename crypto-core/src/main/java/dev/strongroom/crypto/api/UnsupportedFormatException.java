package dev.strongroom.crypto.api;

/**
 * Input declares a format version or algorithm this build does not support. There is no fallback:
 * unknown means refused.
 */
public class UnsupportedFormatException extends CryptoException {

    private final String detected;
    private final String supported;

    public UnsupportedFormatException(String what, String detected, String supported) {
        super("Unsupported " + what + ": found " + detected + ", supported " + supported);
        this.detected = detected;
        this.supported = supported;
    }

    public String detected() {
        return detected;
    }

    public String supported() {
        return supported;
    }
}
