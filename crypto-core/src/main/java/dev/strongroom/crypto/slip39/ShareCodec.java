package dev.strongroom.crypto.slip39;

import dev.strongroom.crypto.api.InvalidShareException;
import dev.strongroom.crypto.api.UnsupportedFormatException;
import dev.strongroom.crypto.common.Bytes;
import java.util.Arrays;

/**
 * Converts shares to and from SLIP-0039 word indices and the binary form. Both carry the same 40
 * parameter bits (the first 4 words of a mnemonic, bytes 1..5 of the binary form).
 */
final class ShareCodec {

    static final int MIN_VALUE_LENGTH = 16;
    static final int MAX_VALUE_LENGTH = 256;
    static final byte BINARY_VERSION = 1;

    private static final int RADIX_BITS = 10;
    private static final int PARAMETER_WORDS = 4;
    private static final int METADATA_WORDS = PARAMETER_WORDS + Rs1024.CHECKSUM_WORDS;
    private static final int PARAMETER_BYTES = 5;
    private static final int MIN_WORDS = METADATA_WORDS + valueWords(MIN_VALUE_LENGTH);
    private static final int MAX_WORDS = METADATA_WORDS + valueWords(MAX_VALUE_LENGTH);

    private ShareCodec() {}

    static int[] toWords(Slip39Share share) {
        byte[] value = share.value();
        int[] words = new int[PARAMETER_WORDS + valueWords(value.length)];
        long parameters = parameters(share);
        for (int i = 0; i < PARAMETER_WORDS; i++) {
            words[i] = (int) (parameters >>> (RADIX_BITS * (PARAMETER_WORDS - 1 - i))) & 1023;
        }
        // The value is left-padded with zero bits to a whole number of words.
        int accumulator = 0;
        int bits = RADIX_BITS * (words.length - PARAMETER_WORDS) - 8 * value.length;
        int next = PARAMETER_WORDS;
        for (byte b : value) {
            accumulator = (accumulator << 8) | (b & 0xff);
            bits += 8;
            if (bits >= RADIX_BITS) {
                bits -= RADIX_BITS;
                words[next++] = (accumulator >>> bits) & 1023;
                accumulator &= (1 << bits) - 1;
            }
        }
        int[] checksum = Rs1024.create(Rs1024.customization(share.extendable()), words);
        int[] all = Arrays.copyOf(words, words.length + checksum.length);
        System.arraycopy(checksum, 0, all, words.length, checksum.length);
        Arrays.fill(words, 0);
        return all;
    }

    static Slip39Share fromWords(int[] words) {
        try {
            if (words.length < MIN_WORDS || words.length > MAX_WORDS) {
                throw new InvalidShareException(
                        "a SLIP-39 share has "
                                + MIN_WORDS
                                + " to "
                                + MAX_WORDS
                                + " words, this one has "
                                + words.length);
            }
            int valueWords = words.length - METADATA_WORDS;
            int padding = (RADIX_BITS * valueWords) % 16;
            if (padding > 8) {
                throw new InvalidShareException(
                        words.length + " words is not a valid SLIP-39 share length");
            }
            boolean extendable = ((words[1] >>> 4) & 1) == 1;
            if (!Rs1024.verify(Rs1024.customization(extendable), words)) {
                throw new InvalidShareException(
                        "checksum mismatch: a word is wrong, missing or out of place");
            }
            long parameters = 0;
            for (int i = 0; i < PARAMETER_WORDS; i++) {
                parameters = (parameters << RADIX_BITS) | words[i];
            }
            byte[] value = new byte[(RADIX_BITS * valueWords - padding) / 8];
            int accumulator = 0;
            int bits = 0;
            int next = 0;
            boolean paddingIsZero = true;
            for (int i = PARAMETER_WORDS; i < words.length - Rs1024.CHECKSUM_WORDS; i++) {
                accumulator = (accumulator << RADIX_BITS) | words[i];
                bits += RADIX_BITS;
                if (i == PARAMETER_WORDS) {
                    bits -= padding;
                    paddingIsZero = (accumulator >>> bits) == 0;
                    accumulator &= (1 << bits) - 1;
                }
                while (bits >= 8) {
                    bits -= 8;
                    value[next++] = (byte) (accumulator >>> bits);
                    accumulator &= (1 << bits) - 1;
                }
            }
            if (!paddingIsZero) {
                Bytes.wipe(value);
                throw new InvalidShareException(
                        "invalid padding: the padding bits of the share value are not zero");
            }
            return share(parameters, value);
        } finally {
            Arrays.fill(words, 0);
        }
    }

    static byte[] toBytes(Slip39Share share) {
        byte[] value = share.value();
        byte[] out = new byte[1 + PARAMETER_BYTES + value.length];
        out[0] = BINARY_VERSION;
        long parameters = parameters(share);
        for (int i = 0; i < PARAMETER_BYTES; i++) {
            out[1 + i] = (byte) (parameters >>> (8 * (PARAMETER_BYTES - 1 - i)));
        }
        System.arraycopy(value, 0, out, 1 + PARAMETER_BYTES, value.length);
        return out;
    }

    static Slip39Share fromBytes(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != BINARY_VERSION) {
            throw new UnsupportedFormatException(
                    "SLIP-39 binary share version",
                    bytes.length == 0 ? "empty input" : Integer.toString(bytes[0] & 0xff),
                    Integer.toString(BINARY_VERSION));
        }
        int valueLength = bytes.length - 1 - PARAMETER_BYTES;
        if (valueLength < MIN_VALUE_LENGTH
                || valueLength > MAX_VALUE_LENGTH
                || valueLength % 2 != 0) {
            throw new InvalidShareException(
                    "binary SLIP-39 share has a "
                            + Math.max(valueLength, 0)
                            + "-byte value; expected an even length from "
                            + MIN_VALUE_LENGTH
                            + " to "
                            + MAX_VALUE_LENGTH);
        }
        long parameters = 0;
        for (int i = 0; i < PARAMETER_BYTES; i++) {
            parameters = (parameters << 8) | (bytes[1 + i] & 0xff);
        }
        return share(parameters, Arrays.copyOfRange(bytes, 1 + PARAMETER_BYTES, bytes.length));
    }

    /** Splits a mnemonic on whitespace and looks up each word. */
    static int[] parseWords(CharSequence mnemonic) {
        int[] words = new int[MAX_WORDS + 1];
        int count = 0;
        int i = 0;
        while (i < mnemonic.length()) {
            if (Character.isWhitespace(mnemonic.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < mnemonic.length() && !Character.isWhitespace(mnemonic.charAt(i))) {
                i++;
            }
            if (count == words.length) {
                Arrays.fill(words, 0);
                throw new InvalidShareException(
                        "a SLIP-39 share has at most " + MAX_WORDS + " words, this one has more");
            }
            int index = Slip39Wordlist.indexOf(mnemonic.subSequence(start, i));
            if (index < 0) {
                Arrays.fill(words, 0);
                throw new InvalidShareException(
                        "word " + (count + 1) + " is not in the SLIP-39 word list");
            }
            words[count++] = index;
        }
        if (count == 0) {
            throw new InvalidShareException("the mnemonic is empty");
        }
        int[] result = Arrays.copyOf(words, count);
        Arrays.fill(words, 0);
        return result;
    }

    /** The words for these indices, separated by single spaces. The caller wipes the result. */
    static char[] render(int[] words) {
        int length = words.length - 1;
        for (int word : words) {
            length += Slip39Wordlist.word(word).length();
        }
        char[] out = new char[length];
        int position = 0;
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                out[position++] = ' ';
            }
            String word = Slip39Wordlist.word(words[i]);
            word.getChars(0, word.length(), out, position);
            position += word.length();
        }
        Arrays.fill(words, 0);
        return out;
    }

    private static int valueWords(int valueLength) {
        return (8 * valueLength + RADIX_BITS - 1) / RADIX_BITS;
    }

    private static long parameters(Slip39Share share) {
        return ((long) share.identifier() << 25)
                | ((share.extendable() ? 1L : 0L) << 24)
                | ((long) share.iterationExponent() << 20)
                | ((long) share.groupIndex() << 16)
                | ((long) (share.groupThreshold() - 1) << 12)
                | ((long) (share.groupCount() - 1) << 8)
                | ((long) share.memberIndex() << 4)
                | (share.memberThreshold() - 1);
    }

    /** Builds a share from the 40 parameter bits, taking ownership of {@code value}. */
    private static Slip39Share share(long parameters, byte[] value) {
        int groupThreshold = (int) ((parameters >>> 12) & 15) + 1;
        int groupCount = (int) ((parameters >>> 8) & 15) + 1;
        if (groupThreshold > groupCount) {
            Bytes.wipe(value);
            throw new InvalidShareException(
                    "group threshold "
                            + groupThreshold
                            + " is greater than the group count "
                            + groupCount);
        }
        return new Slip39Share(
                (int) (parameters >>> 25) & 0x7fff,
                ((parameters >>> 24) & 1) == 1,
                (int) (parameters >>> 20) & 15,
                (int) (parameters >>> 16) & 15,
                groupThreshold,
                groupCount,
                (int) (parameters >>> 4) & 15,
                (int) (parameters & 15) + 1,
                value);
    }
}
