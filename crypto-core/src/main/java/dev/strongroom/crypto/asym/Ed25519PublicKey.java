package dev.strongroom.crypto.asym;

import dev.strongroom.crypto.api.MalformedInputException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An Ed25519 public key: the 32-byte point encoding of RFC 8032. Public data, so equality is by
 * content and {@link #toString()} shows a short hex prefix.
 *
 * <p>Only the length is checked here; an encoding that is not a valid point makes every signature
 * fail to verify.
 *
 * @param bytes the 32-byte encoding (copied in and out, so the record is immutable)
 */
public record Ed25519PublicKey(byte[] bytes) {

    /** Length of a public key in bytes. */
    public static final int LENGTH = 32;

    /**
     * @throws MalformedInputException if {@code bytes} is null or not 32 bytes long
     */
    public Ed25519PublicKey {
        if (bytes == null || bytes.length != LENGTH) {
            throw new MalformedInputException("Ed25519 public key must be " + LENGTH + " bytes");
        }
        bytes = bytes.clone();
    }

    /** A copy of the 32-byte encoding. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    byte[] view() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ed25519PublicKey that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Ed25519PublicKey[" + HexFormat.of().formatHex(bytes, 0, 8) + "…]";
    }
}
