package dev.strongroom.client.totp;

import dev.strongroom.crypto.common.Bytes;

/**
 * RFC 4648 section 6 Base32 (alphabet {@code A-Z2-7}), strict: no lower case, no whitespace, no
 * characters outside the alphabet, padding either absent or exactly right, impossible lengths
 * rejected, and unused trailing bits must be zero so that every byte string has exactly one
 * encoding. Works on {@code char[]} so secrets never become Strings.
 */
public final class Base32 {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private Base32() {}

    /** Encodes with padding to a multiple of 8 characters. */
    public static char[] encode(byte[] data) {
        int groups = (data.length + 4) / 5;
        char[] out = new char[groups * 8];
        int o = 0;
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out[o++] = ALPHABET[(buffer >>> (bits - 5)) & 31];
                bits -= 5;
            }
        }
        if (bits > 0) {
            out[o++] = ALPHABET[(buffer << (5 - bits)) & 31];
        }
        while (o < out.length) {
            out[o++] = '=';
        }
        return out;
    }

    /** Decodes all of {@code text}; see the class comment for the rules. */
    public static byte[] decode(char[] text) {
        return decode(text, 0, text.length);
    }

    /** Decodes {@code length} characters of {@code text} from {@code offset}. */
    public static byte[] decode(char[] text, int offset, int length) {
        int padding = 0;
        while (padding < length && text[offset + length - 1 - padding] == '=') {
            padding++;
        }
        int dataLength = length - padding;
        int remainder = dataLength % 8;
        if (remainder == 1 || remainder == 3 || remainder == 6) {
            throw new TotpException(
                    "invalid Base32 length: "
                            + dataLength
                            + " characters cannot encode whole bytes");
        }
        if (padding > 0 && (length % 8 != 0 || padding != expectedPadding(remainder))) {
            throw new TotpException("invalid Base32 padding");
        }
        byte[] out = new byte[dataLength * 5 / 8];
        int o = 0;
        int buffer = 0;
        int bits = 0;
        try {
            for (int i = 0; i < dataLength; i++) {
                int value = valueOf(text[offset + i]);
                if (value < 0) {
                    throw new TotpException("invalid Base32 character at position " + (i + 1));
                }
                buffer = (buffer << 5) | value;
                bits += 5;
                if (bits >= 8) {
                    out[o++] = (byte) (buffer >>> (bits - 8));
                    bits -= 8;
                }
            }
            if ((buffer & ((1 << bits) - 1)) != 0) {
                throw new TotpException("invalid Base32: non-zero trailing bits (not canonical)");
            }
        } catch (TotpException e) {
            Bytes.wipe(out);
            throw e;
        }
        return out;
    }

    private static int expectedPadding(int remainder) {
        switch (remainder) {
            case 2:
                return 6;
            case 4:
                return 4;
            case 5:
                return 3;
            case 7:
                return 1;
            default:
                return 0;
        }
    }

    private static int valueOf(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= '2' && c <= '7') {
            return c - '2' + 26;
        }
        return -1;
    }
}
