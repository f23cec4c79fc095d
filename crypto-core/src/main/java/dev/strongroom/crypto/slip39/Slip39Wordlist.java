package dev.strongroom.crypto.slip39;

import dev.strongroom.crypto.api.CryptoException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The SLIP-0039 English word list: 1024 words, so one word carries 10 bits. The list is sorted,
 * words are 4 to 8 lowercase letters, and every word is identified by its first 4 letters.
 *
 * <p>Loaded from {@code dev/strongroom/crypto/slip39/wordlist.txt} (MIT, SatoshiLabs; see the
 * LICENSE and PROVENANCE.md next to it). Its SHA-256 is checked on load, so a modified list, which
 * would silently make every mnemonic unreadable by other SLIP-39 implementations, fails loudly.
 */
public final class Slip39Wordlist {

    /** Number of words: 2^10. */
    public static final int SIZE = 1024;

    /** Letters that identify a word uniquely. */
    public static final int PREFIX_LENGTH = 4;

    static final String SHA256 = "bcc4555340332d169718aed8bf31dd9d5248cb7da6e5d355140ef4f1e601eec3";
    private static final String RESOURCE = "/dev/strongroom/crypto/slip39/wordlist.txt";
    private static final List<String> WORDS = load();

    private Slip39Wordlist() {}

    /** The word for a 10-bit index. */
    public static String word(int index) {
        if (index < 0 || index >= SIZE) {
            throw new IndexOutOfBoundsException("word index must be in [0, 1023]: " + index);
        }
        return WORDS.get(index);
    }

    /** All 1024 words in list order (unmodifiable). */
    public static List<String> words() {
        return WORDS;
    }

    /**
     * The index of a whole word, ignoring ASCII case, or -1 if it is not in the list. Takes a
     * CharSequence so callers holding a mnemonic in a char[] can look up words without creating
     * Strings.
     */
    public static int indexOf(CharSequence word) {
        int low = 0;
        int high = SIZE - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int order = compare(WORDS.get(mid), word, Integer.MAX_VALUE);
            if (order == 0) {
                return mid;
            } else if (order < 0) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return -1;
    }

    /**
     * The index of the one word that starts with {@code prefix} (ASCII case ignored), or -1. The
     * prefix must have at least 4 letters: SLIP-0039 guarantees the first 4 letters identify a
     * word, so typing 4 letters is enough (e.g. for autocompletion).
     */
    public static int indexOfPrefix(CharSequence prefix) {
        if (prefix.length() < PREFIX_LENGTH) {
            return -1;
        }
        int low = 0;
        int high = SIZE - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int order = compare(WORDS.get(mid), prefix, PREFIX_LENGTH);
            if (order == 0) {
                // The first 4 letters pick the word; any further letters must match it too.
                return compare(WORDS.get(mid), prefix, prefix.length()) == 0 ? mid : -1;
            } else if (order < 0) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return -1;
    }

    /** Compares the first {@code limit} characters of a list word and a lower-cased query. */
    private static int compare(String word, CharSequence query, int limit) {
        int wordLength = Math.min(word.length(), limit);
        int queryLength = Math.min(query.length(), limit);
        for (int i = 0; i < Math.min(wordLength, queryLength); i++) {
            char c = query.charAt(i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (word.charAt(i) != lower) {
                return word.charAt(i) - lower;
            }
        }
        return wordLength - queryLength;
    }

    private static List<String> load() {
        byte[] data;
        try (InputStream in = Slip39Wordlist.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CryptoException("SLIP-39 word list resource is missing: " + RESOURCE);
            }
            data = in.readAllBytes();
        } catch (IOException e) {
            throw new CryptoException("SLIP-39 word list could not be read", e);
        }
        String actual;
        try {
            actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new CryptoException("SHA-256 is unavailable", e);
        }
        if (!actual.equals(SHA256)) {
            throw new CryptoException(
                    "SLIP-39 word list has SHA-256 " + actual + ", expected " + SHA256);
        }
        List<String> words = new String(data, StandardCharsets.US_ASCII).lines().toList();
        if (words.size() != SIZE) {
            throw new CryptoException("SLIP-39 word list has " + words.size() + " words");
        }
        return words;
    }
}
