package dev.strongroom.crypto.asym;

import dev.strongroom.crypto.api.MalformedInputException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An X25519 public key: the 32-byte u-coordinate of RFC 7748. Public data, so equality is by
 * content and {@link #toString()} shows a short hex prefix for logs.
 *
 * <p>Only the length is checked here. Low-order points are rejected when they are used, by the
 * all-zero shared-secret check in {@link X25519#agree}.
 *
 * @param bytes the 32-byte encoding (copied in and out, so the record is immutable)
 */
public record X25519PublicKey(byte[] bytes) {

    /** Length of a public key in bytes. */
    public static final int LENGTH = 32;

    /**
     * @throws MalformedInputException if {@code bytes} is null or not 32 bytes long
     */
    public X25519PublicKey {
        if (bytes == null || bytes.length != LENGTH) {
            throw new MalformedInputException("X25519 public key must be " + LENGTH + " bytes");
        }
        bytes = bytes.clone();
    }

    /** A copy of the 32-byte encoding. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The encoding without a copy, for this package's and HPKE's read-only use. */
    byte[] view() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof X25519PublicKey that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "X25519PublicKey[" + HexFormat.of().formatHex(bytes, 0, 8) + "…]";
    }
}
