package dev.strongroom.crypto.envelope;

import dev.strongroom.crypto.api.MalformedInputException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Base64url without padding (RFC 4648 §5), the text form of envelopes and other binary values in
 * JSON.
 *
 * <p>Decoding is strict so that each byte string has exactly one accepted text form: padding,
 * whitespace, characters outside {@code A-Z a-z 0-9 - _}, a length that no byte string encodes to
 * (4k+1), and non-zero unused bits in the last character are all rejected. Both directions map
 * characters arithmetically rather than through lookup tables, so their timing does not depend on
 * the data (these strings may carry secrets, such as machine-account tokens). Error messages never
 * quote the input.
 */
public final class Base64Url {

    private Base64Url() {}

    /** Encodes {@code data} as unpadded base64url. */
    public static String encode(byte[] data) {
        char[] chars = encodeToChars(data);
        return new String(chars);
    }

    /**
     * Encodes {@code data} into a char array the caller can wipe: for secrets (machine tokens) that
     * must not become a {@link String}.
     */
    public static char[] encodeToChars(byte[] data) {
        Objects.requireNonNull(data, "data");
        char[] out = new char[(data.length * 4 + 2) / 3];
        int o = 0;
        int i = 0;
        for (; i + 3 <= data.length; i += 3) {
            int bits = (data[i] & 0xff) << 16 | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff);
            out[o++] = encode6(bits >>> 18);
            out[o++] = encode6((bits >>> 12) & 63);
            out[o++] = encode6((bits >>> 6) & 63);
            out[o++] = encode6(bits & 63);
        }
        int rest = data.length - i;
        if (rest == 1) {
            int bits = (data[i] & 0xff) << 4;
            out[o++] = encode6(bits >>> 6);
            out[o++] = encode6(bits & 63);
        } else if (rest == 2) {
            int bits = (data[i] & 0xff) << 10 | (data[i + 1] & 0xff) << 2;
            out[o++] = encode6(bits >>> 12);
            out[o++] = encode6((bits >>> 6) & 63);
            out[o++] = encode6(bits & 63);
        }
        return out;
    }

    /**
     * Decodes strict unpadded base64url.
     *
     * @throws MalformedInputException for padding, whitespace, a non-alphabet character, an
     *     impossible length or non-canonical trailing bits
     */
    public static byte[] decode(CharSequence text) {
        Objects.requireNonNull(text, "text");
        int length = text.length();
        if (length % 4 == 1) {
            throw new MalformedInputException(
                    "base64url text of length " + length + " cannot encode whole bytes");
        }
        byte[] out = new byte[length * 3 / 4];
        int invalid = 0; // sign bit set once any character was outside the alphabet
        int o = 0;
        int i = 0;
        for (; i + 4 <= length; i += 4) {
            int a = decode6(text.charAt(i));
            int b = decode6(text.charAt(i + 1));
            int c = decode6(text.charAt(i + 2));
            int d = decode6(text.charAt(i + 3));
            invalid |= a | b | c | d;
            int bits = (a & 63) << 18 | (b & 63) << 12 | (c & 63) << 6 | (d & 63);
            out[o++] = (byte) (bits >>> 16);
            out[o++] = (byte) (bits >>> 8);
            out[o++] = (byte) bits;
        }
        int leftoverBits = 0;
        int rest = length - i;
        if (rest == 2) {
            int a = decode6(text.charAt(i));
            int b = decode6(text.charAt(i + 1));
            invalid |= a | b;
            int bits = (a & 63) << 6 | (b & 63);
            out[o++] = (byte) (bits >>> 4);
            leftoverBits = bits & 0x0f;
        } else if (rest == 3) {
            int a = decode6(text.charAt(i));
            int b = decode6(text.charAt(i + 1));
            int c = decode6(text.charAt(i + 2));
            invalid |= a | b | c;
            int bits = (a & 63) << 12 | (b & 63) << 6 | (c & 63);
            out[o++] = (byte) (bits >>> 10);
            out[o++] = (byte) (bits >>> 2);
            leftoverBits = bits & 0x03;
        }
        boolean badCharacter = invalid < 0;
        if (badCharacter || leftoverBits != 0) {
            Arrays.fill(out, (byte) 0);
            throw new MalformedInputException(reason(text, badCharacter));
        }
        return out;
    }

    /** Which rule was broken; runs only on failure, so it may branch on the characters. */
    private static String reason(CharSequence text, boolean badCharacter) {
        if (!badCharacter) {
            return "base64url text is not canonical: the unused bits of its last character are"
                    + " not zero";
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '=') {
                return "base64url text must not be padded ('=' at index " + i + ")";
            }
            if (Character.isWhitespace(ch)) {
                return "base64url text must not contain whitespace (index " + i + ")";
            }
            if (decode6(ch) < 0) {
                return "base64url text has a character outside A-Z a-z 0-9 - _ at index " + i;
            }
        }
        throw new IllegalStateException("no invalid character found");
    }

    /** -1 (all bits set) if lo <= c <= hi, else 0, without branching on c. */
    private static int inRange(int c, int lo, int hi) {
        return ((lo - 1 - c) & (c - hi - 1)) >> 31;
    }

    /** The 6-bit value of a base64url character, or -1 if it is not one. */
    private static int decode6(int c) {
        int value = -1;
        value += inRange(c, 'A', 'Z') & (c - 'A' + 1);
        value += inRange(c, 'a', 'z') & (c - 'a' + 27);
        value += inRange(c, '0', '9') & (c - '0' + 53);
        value += inRange(c, '-', '-') & 63;
        value += inRange(c, '_', '_') & 64;
        return value;
    }

    /** The base64url character for a 6-bit value (0..63). */
    private static char encode6(int v) {
        // Start at 'A' and add the offset of each later alphabet range that v has passed.
        int shift = 'A';
        shift += ((25 - v) >> 31) & ('a' - 26 - 'A');
        shift += ((51 - v) >> 31) & (('0' - 52) - ('a' - 26));
        shift += ((61 - v) >> 31) & (('-' - 62) - ('0' - 52));
        shift += ((62 - v) >> 31) & (('_' - 63) - ('-' - 62));
        return (char) (v + shift);
    }
}
