package dev.strongroom.crypto.slip39;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.api.InvalidShareException;
import dev.strongroom.crypto.api.UnsupportedFormatException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Slip39ShareTest {

    /** Official vector 1: a 1-of-1 share of a 128-bit secret. */
    static final String VECTOR_1 =
            "duckling enlarge academic academic agency result length solution fridge kidney coal"
                    + " piece deal husband erode duke ajar critical decision keyboard";

    /** Official vector 43: the first share of an extendable 2-of-3 split. */
    static final String VECTOR_43 =
            "enemy favorite academic acid cowboy phrase havoc level response walnut budget painting"
                    + " inside trash adjust froth kitchen learn tidy punish";

    /** Official vector 20: a 1-of-1 share of a 256-bit secret (33 words). */
    static final String VECTOR_20 =
            "theory painting academic academic armed sweater year military elder discuss acne"
                    + " wildlife boring employer fused large satoshi bundle carbon diagnose anatomy"
                    + " hamster leaves tracks paces beyond phantom capital marvel lips brave detect"
                    + " luck";

    /**
     * Known answers for the binary form: official mnemonics and their version-1 bytes, computed by
     * an independent decoder (a few lines of Python over the word list), not by this code.
     */
    private static final String[][] BINARY_KATS = {
        {VECTOR_1, "013e1200000011bc609d21747c49ba78c0701293e417"},
        {
            "shadow pistol academic always adequate wildlife fancy gross oasis cylinder mustang"
                    + " wrist rescue view short owner flip making coding armed",
            "01c86a20002108fb14b66e692e25dfe2edf53289ed62"
        },
        {VECTOR_20, "01e3e8000000d772fee46424e100bec16d165f1fcc346d1e8d909da580f9f9f04ea5c788d212"},
        {VECTOR_43, "0146d5000001a5a69aa82af0f8068a01d8e8c095ddf3"},
    };

    @Test
    void binaryFormKnownAnswers() {
        for (String[] kat : BINARY_KATS) {
            try (Slip39Share share = Slip39Share.fromMnemonic(kat[0])) {
                assertThat(HexFormat.of().formatHex(share.toBytes())).isEqualTo(kat[1]);
            }
            try (Slip39Share share = Slip39Share.fromBytes(HexFormat.of().parseHex(kat[1]))) {
                assertThat(share.toMnemonic()).isEqualTo(kat[0]);
            }
        }
    }

    @Test
    void parsesTheParameters() {
        try (Slip39Share share = Slip39Share.fromMnemonic(VECTOR_43)) {
            assertThat(share.identifier()).isEqualTo(0x236a);
            assertThat(share.extendable()).isTrue();
            assertThat(share.iterationExponent()).isZero();
            assertThat(share.groupIndex()).isZero();
            assertThat(share.groupThreshold()).isEqualTo(1);
            assertThat(share.groupCount()).isEqualTo(1);
            assertThat(share.memberIndex()).isZero();
            assertThat(share.memberThreshold()).isEqualTo(2);
        }
        try (Slip39Share share = Slip39Share.fromMnemonic(VECTOR_1)) {
            assertThat(share.extendable()).isFalse();
            assertThat(share.memberThreshold()).isEqualTo(1);
        }
    }

    @Test
    void acceptsAnyCaseAndWhitespaceAndCharArrays() {
        String messy = "  " + VECTOR_1.toUpperCase().replace(" ", " \t\n ") + "\n";
        try (Slip39Share a = Slip39Share.fromMnemonic(messy);
                Slip39Share b = Slip39Share.fromMnemonic(VECTOR_1.toCharArray())) {
            assertThat(a.toMnemonic()).isEqualTo(VECTOR_1);
            assertThat(b.toMnemonicChars()).isEqualTo(VECTOR_1.toCharArray());
        }
    }

    @Test
    void unknownWordIsNamedByPositionWithoutEchoingTheWords() {
        String[] words = VECTOR_1.split(" ");
        words[6] = "lengthy";
        assertThatThrownBy(() -> Slip39Share.fromMnemonic(String.join(" ", words)))
                .isInstanceOf(InvalidShareException.class)
                .hasMessage("word 7 is not in the SLIP-39 word list")
                .satisfies(e -> assertNoWordOf(VECTOR_1, e.getMessage()));
    }

    @Test
    void checksumDetectsAnyChangeOfUpToThreeWords() {
        Random random = new Random(39);
        String[] original = VECTOR_20.split(" ");
        for (int trial = 0; trial < 500; trial++) {
            String[] words = original.clone();
            int changes = 1 + trial % 3;
            for (int c = 0; c < changes; c++) {
                int position = random.nextInt(words.length);
                String replacement;
                do {
                    replacement = Slip39Wordlist.word(random.nextInt(Slip39Wordlist.SIZE));
                } while (replacement.equals(original[position]));
                words[position] = replacement;
            }
            if (Arrays.equals(words, original)) {
                continue;
            }
            String changed = String.join(" ", words);
            assertThatThrownBy(() -> Slip39Share.fromMnemonic(changed))
                    .isInstanceOf(InvalidShareException.class)
                    .hasMessageContaining("checksum mismatch")
                    .satisfies(e -> assertNoWordOf(changed, e.getMessage()));
        }
    }

    @Test
    void rejectsBadLengths() {
        String[] words = VECTOR_1.split(" ");
        assertThatThrownBy(() -> Slip39Share.fromMnemonic(""))
                .isInstanceOf(InvalidShareException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(
                        () -> Slip39Share.fromMnemonic(String.join(" ", Arrays.copyOf(words, 19))))
                .isInstanceOf(InvalidShareException.class)
                .hasMessageContaining("this one has 19");
        String tooLong = (VECTOR_1 + " ").repeat(11);
        assertThatThrownBy(() -> Slip39Share.fromMnemonic(tooLong))
                .isInstanceOf(InvalidShareException.class)
                .hasMessageContaining("at most 212 words");
    }

    @Test
    void binaryFormRejectsUnknownVersionsAndBadLengths() {
        byte[] good = HexFormat.of().parseHex(BINARY_KATS[0][1]);
        byte[] version2 = good.clone();
        version2[0] = 2;
        assertThatThrownBy(() -> Slip39Share.fromBytes(version2))
                .isInstanceOf(UnsupportedFormatException.class);
        assertThatThrownBy(() -> Slip39Share.fromBytes(new byte[0]))
                .isInstanceOf(UnsupportedFormatException.class);
        for (int length : new int[] {1, 6, 21, 23, 6 + 258}) {
            byte[] bad = Arrays.copyOf(good, length);
            assertThatThrownBy(() -> Slip39Share.fromBytes(bad))
                    .isInstanceOf(InvalidShareException.class);
        }
        byte[] thresholdAboveCount = good.clone();
        thresholdAboveCount[4] = 0x10; // group threshold 2, group count 1
        assertThatThrownBy(() -> Slip39Share.fromBytes(thresholdAboveCount))
                .isInstanceOf(InvalidShareException.class)
                .hasMessageContaining("greater than the group count");
    }

    @Test
    void isRedactedAndWipedOnClose() {
        Slip39Share share = Slip39Share.fromMnemonic(VECTOR_1);
        String hexValue = BINARY_KATS[0][1].substring(12);
        assertThat(share.toString())
                .contains("redacted")
                .doesNotContain(hexValue.substring(0, 8))
                .satisfies(s -> assertNoWordOf(VECTOR_1, s));
        share.close();
        assertThat(share.isDestroyed()).isTrue();
        assertThatThrownBy(share::toBytes).isInstanceOf(CryptoException.class);
        assertThatThrownBy(share::toMnemonic).isInstanceOf(CryptoException.class);
    }

    static void assertNoWordOf(String mnemonic, String text) {
        for (String word : mnemonic.split(" ")) {
            assertThat(text.toLowerCase()).doesNotContain(word);
        }
    }
}
