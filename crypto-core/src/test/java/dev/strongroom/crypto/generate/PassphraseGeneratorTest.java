package dev.strongroom.crypto.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.slip39.Slip39Wordlist;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PassphraseGeneratorTest {

    @Test
    void defaultIsSevenLowercaseWords() {
        String passphrase = new String(PassphraseGenerator.generate());
        String[] words = passphrase.split("-");
        assertThat(words).hasSize(7);
        for (String word : words) {
            assertThat(Slip39Wordlist.words()).contains(word);
        }
        assertThat(PassphraseGenerator.entropyBits(7, false)).isEqualTo(70.0);
        assertThat(PassphraseGenerator.entropyBits(7, true))
                .isCloseTo(70 + Math.log(70) / Math.log(2), offset(1e-9));
    }

    @Property(tries = 200)
    void shapeFollowsTheOptions(
            @ForAll @IntRange(min = 4, max = 20) int count,
            @ForAll boolean capitalize,
            @ForAll boolean includeDigit,
            @ForAll @IntRange(min = 0, max = 4) int separatorChoice) {
        char separator = " -._/".charAt(separatorChoice);
        String passphrase =
                new String(
                        PassphraseGenerator.generate(count, separator, capitalize, includeDigit));
        String[] words = passphrase.split(separator == '.' ? "\\." : "[" + separator + "]", -1);
        assertThat(words).hasSize(count);
        int digits = 0;
        for (String word : words) {
            String letters = word.replaceAll("[0-9]$", "");
            digits += word.length() - letters.length();
            assertThat(Slip39Wordlist.indexOf(letters)).isNotNegative();
            assertThat(Character.isUpperCase(letters.charAt(0))).isEqualTo(capitalize);
            assertThat(letters.substring(1)).isLowerCase();
        }
        assertThat(digits).isEqualTo(includeDigit ? 1 : 0);
    }

    @Test
    void validation() {
        for (int count : new int[] {3, 21, 0, -1}) {
            assertThatThrownBy(() -> PassphraseGenerator.generate(count, '-', false, false))
                    .isInstanceOf(ParameterRejectedException.class);
            assertThatThrownBy(() -> PassphraseGenerator.entropyBits(count, false))
                    .isInstanceOf(ParameterRejectedException.class);
        }
        for (char separator : new char[] {'a', 'Z', '5', '\n', '\t', '\u00e9', '\u007f'}) {
            assertThatThrownBy(() -> PassphraseGenerator.generate(7, separator, false, false))
                    .isInstanceOf(ParameterRejectedException.class);
        }
    }

    /** Every word of the list is equally likely: chi-squared over 1024 bins. */
    @Test
    void wordsAreUniform() {
        int passphrases = 30_000;
        long[] observed = new long[Slip39Wordlist.SIZE];
        for (int i = 0; i < passphrases; i++) {
            for (String word : new String(PassphraseGenerator.generate()).split("-")) {
                observed[Slip39Wordlist.indexOf(word)]++;
            }
        }
        double[] expected = new double[Slip39Wordlist.SIZE];
        Arrays.fill(expected, passphrases * 7.0 / Slip39Wordlist.SIZE);
        assertThat(ChiSquared.statistic(observed, expected))
                .isLessThan(ChiSquared.critical(Slip39Wordlist.SIZE - 1));
    }

    /** The digit's value and the word it follows are both uniform. */
    @Test
    void digitAndItsPositionAreUniform() {
        int passphrases = 20_000;
        long[] digits = new long[10];
        long[] positions = new long[5];
        for (int i = 0; i < passphrases; i++) {
            String[] words =
                    new String(PassphraseGenerator.generate(5, ' ', false, true)).split(" ");
            for (int w = 0; w < words.length; w++) {
                char last = words[w].charAt(words[w].length() - 1);
                if (Character.isDigit(last)) {
                    digits[last - '0']++;
                    positions[w]++;
                }
            }
        }
        double[] expectedDigits = new double[10];
        Arrays.fill(expectedDigits, passphrases / 10.0);
        double[] expectedPositions = new double[5];
        Arrays.fill(expectedPositions, passphrases / 5.0);
        assertThat(ChiSquared.statistic(digits, expectedDigits)).isLessThan(ChiSquared.critical(9));
        assertThat(ChiSquared.statistic(positions, expectedPositions))
                .isLessThan(ChiSquared.critical(4));
    }
}
