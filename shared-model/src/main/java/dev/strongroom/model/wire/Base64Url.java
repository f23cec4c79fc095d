package dev.strongroom.model.wire;

import dev.strongroom.crypto.api.MalformedInputException;

/**
 * Base64url without padding (RFC 4648 section 5), the encoding of every binary field on the wire.
 * The codec itself is crypto-core's (strict and canonical: padding, characters outside the URL
 * alphabet and non-zero trailing bits are rejected, so each byte string has exactly one textual
 * form); this adapter reports bad text as the {@link IllegalArgumentException} the wire layer maps
 * to a 400.
 */
public final class Base64Url {

    private Base64Url() {}

    public static String encode(byte[] data) {
        return dev.strongroom.crypto.envelope.Base64Url.encode(data);
    }

    /**
     * Decodes the canonical form.
     *
     * @throws IllegalArgumentException if the text is not canonical base64url without padding
     */
    public static byte[] decode(String text) {
        try {
            return dev.strongroom.crypto.envelope.Base64Url.decode(text);
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException("not canonical base64url without padding");
        }
    }
}
