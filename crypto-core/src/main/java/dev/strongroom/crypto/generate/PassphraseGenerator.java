package dev.strongroom.crypto.generate;

import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.slip39.Slip39Wordlist;

/**
 * Random passphrases of words from the SLIP-0039 word list, e.g. {@code
 * "satoshi-glimpse-rebound-ugly-orbit-wavy-museum"}.
 *
 * <p>Why that list: it already ships with crypto-core for SLIP-39 shares, its licence (MIT) is
 * clean, it has exactly 1024 words (10 bits each, so a uniform index needs no bias correction), the
 * words are short common English words of 4 to 8 letters, and each is identified by its first 4
 * letters, so a typo is rarely another valid word and typing 4 letters per word is enough.
 *
 * <p>Every word is drawn independently and uniformly with {@link Randoms#uniform}. Capitalizing is
 * deterministic and adds no entropy. The optional digit (0-9) is appended to one uniformly chosen
 * word, adding log2(10 * words) bits; the separator is never a letter or digit, so every outcome is
 * a distinct string and {@link #entropyBits} is exact.
 */
public final class PassphraseGenerator {

    public static final int MIN_WORDS = 4;
    public static final int MAX_WORDS = 20;

    /** 7 words: 70 bits. */
    public static final int DEFAULT_WORDS = 7;

    public static final char DEFAULT_SEPARATOR = '-';

    private PassphraseGenerator() {}

    /** {@value #DEFAULT_WORDS} lowercase words separated by '-', no digit. */
    public static char[] generate() {
        return generate(DEFAULT_WORDS, DEFAULT_SEPARATOR, false, false);
    }

    /**
     * A new passphrase; the caller wipes the array when done.
     *
     * @param words 4 to 20
     * @param separator printable ASCII that is not a letter or digit (space allowed)
     * @param capitalize upper-case the first letter of every word
     * @param includeDigit append one random digit to one random word
     * @throws ParameterRejectedException for a word count or separator out of range
     */
    public static char[] generate(
            int words, char separator, boolean capitalize, boolean includeDigit) {
        check(words);
        if (separator < ' ' || separator > '~' || Character.isLetterOrDigit(separator)) {
            throw new ParameterRejectedException(
                    "passphrase separator must be printable ASCII and not a letter or digit");
        }
        int[] chosen = new int[words];
        int length = words - 1 + (includeDigit ? 1 : 0);
        for (int i = 0; i < words; i++) {
            chosen[i] = Randoms.uniform(Slip39Wordlist.SIZE);
            length += Slip39Wordlist.word(chosen[i]).length();
        }
        int digitAfter = includeDigit ? Randoms.uniform(words) : -1;
        char[] out = new char[length];
        int position = 0;
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                out[position++] = separator;
            }
            String word = Slip39Wordlist.word(chosen[i]);
            chosen[i] = 0;
            word.getChars(0, word.length(), out, position);
            if (capitalize) {
                out[position] = Character.toUpperCase(out[position]);
            }
            position += word.length();
            if (i == digitAfter) {
                out[position++] = (char) ('0' + Randoms.uniform(10));
            }
        }
        return out;
    }

    /** Exact entropy in bits: 10 per word, plus log2(10 * words) for the digit. */
    public static double entropyBits(int words, boolean includeDigit) {
        check(words);
        return 10.0 * words + (includeDigit ? Math.log(10.0 * words) / Math.log(2) : 0);
    }

    private static void check(int words) {
        if (words < MIN_WORDS || words > MAX_WORDS) {
            throw new ParameterRejectedException(
                    "passphrase needs " + MIN_WORDS + " to " + MAX_WORDS + " words, got " + words);
        }
    }
}
