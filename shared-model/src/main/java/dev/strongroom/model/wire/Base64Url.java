package dev.strongroom.model.wire;

import java.util.Base64;

/**
 * Base64url without padding (RFC 4648 section 5), the encoding of every binary field on the wire.
 * Decoding is canonical: padding, characters outside the URL alphabet and non-zero trailing bits
 * are rejected, so each byte string has exactly one textual form.
 */
public final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {}

    public static String encode(byte[] data) {
        return ENCODER.encodeToString(data);
    }

    /**
     * Decodes the canonical form.
     *
     * @throws IllegalArgumentException if the text is not canonical base64url without padding
     */
    public static byte[] decode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok =
                    (c >= 'A' && c <= 'Z')
                            || (c >= 'a' && c <= 'z')
                            || (c >= '0' && c <= '9')
                            || c == '-'
                            || c == '_';
            if (!ok) {
                throw new IllegalArgumentException("not base64url without padding");
            }
        }
        if (text.length() % 4 == 1) {
            throw new IllegalArgumentException("not base64url without padding");
        }
        byte[] data = DECODER.decode(text);
        if (!ENCODER.encodeToString(data).equals(text)) {
            throw new IllegalArgumentException("non-canonical base64url");
        }
        return data;
    }
}
