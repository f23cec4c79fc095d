package dev.strongroom.crypto.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.strongroom.crypto.api.ParameterRejectedException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PasswordGeneratorTest {

    private static final String PRINTABLE;

    static {
        StringBuilder all = new StringBuilder();
        for (char c = ' '; c <= '~'; c++) {
            all.append(c);
        }
        PRINTABLE = all.toString();
    }

    @Test
    void defaultPolicy() {
        PasswordPolicy policy = PasswordPolicy.DEFAULT;
        assertThat(policy.length()).isEqualTo(20);
        assertThat(String.join("", policy.characterClasses())).hasSize(94);
        assertThat(PasswordGenerator.generate(policy)).hasSize(20);
        // 20 * log2(94) = 131.09 bits, less log2(1 / 0.8914) for the coverage requirement.
        assertThat(PasswordGenerator.entropyBits(policy)).isBetween(130.90, 130.96);
    }

    @Test
    void entropyOfSimplePolicies() {
        PasswordPolicy digitsOnly = new PasswordPolicy(10, false, false, true, false, "", false);
        assertThat(PasswordGenerator.entropyBits(digitsOnly))
                .isCloseTo(10 * Math.log(10) / Math.log(2), offset(1e-9));
        // Classes {a, b}, {A}, {2}: of the 4^4 strings, 96 contain all three; of the 4^5, 540
        // (counted by brute force).
        assertThat(PasswordGenerator.entropyBits(tiny(4)))
                .isCloseTo(Math.log(96) / Math.log(2), offset(1e-9));
        assertThat(PasswordGenerator.entropyBits(tiny(5)))
                .isCloseTo(Math.log(540) / Math.log(2), offset(1e-9));
    }

    @Test
    void validation() {
        List<Executable> bad =
                List.of(
                        () -> new PasswordPolicy(3, true, true, true, true, "", false),
                        () -> new PasswordPolicy(1025, true, true, true, true, "", false),
                        () -> new PasswordPolicy(20, false, false, false, false, "", false),
                        () -> new PasswordPolicy(20, true, false, true, false, "0123456789", false),
                        () ->
                                new PasswordPolicy(
                                        20,
                                        false,
                                        false,
                                        false,
                                        true,
                                        PasswordPolicy.SYMBOLS,
                                        false),
                        () -> new PasswordPolicy(20, false, false, true, false, "23456789", true),
                        () ->
                                new PasswordPolicy(
                                        20,
                                        true,
                                        false,
                                        false,
                                        false,
                                        PasswordPolicy.LOWERCASE,
                                        false));
        for (Executable call : bad) {
            assertThatThrownBy(call::execute).isInstanceOf(ParameterRejectedException.class);
        }
        assertThat(new PasswordPolicy(4, true, true, true, true, null, true).excluded()).isEmpty();
        assertThat(new PasswordPolicy(1024, true, false, false, false, "", false).length())
                .isEqualTo(1024);
    }

    @Provide
    Arbitrary<PasswordPolicy> policies() {
        Arbitrary<Integer> classes = Arbitraries.integers().between(1, 15);
        Arbitrary<String> excluded =
                Arbitraries.strings().withChars(PRINTABLE.toCharArray()).ofMaxLength(12);
        Arbitrary<Integer> lengths = Arbitraries.integers().between(4, 40);
        Arbitrary<Boolean> ambiguous = Arbitraries.of(true, false);
        return Combinators.combine(classes, excluded, lengths, ambiguous)
                .as(PasswordGeneratorTest::policyOrNull)
                .filter(Objects::nonNull);
    }

    /** A policy from a class bit mask, or null when the exclusions empty an enabled class. */
    private static PasswordPolicy policyOrNull(
            int classes, String excluded, int length, boolean ambiguous) {
        try {
            return new PasswordPolicy(
                    length,
                    (classes & 1) != 0,
                    (classes & 2) != 0,
                    (classes & 4) != 0,
                    (classes & 8) != 0,
                    excluded,
                    ambiguous);
        } catch (ParameterRejectedException e) {
            return null;
        }
    }

    @Property(tries = 500)
    void everyPasswordCoversEveryEnabledClassAndRespectsExclusions(
            @ForAll("policies") PasswordPolicy policy) {
        char[] password = PasswordGenerator.generate(policy);
        assertThat(password).hasSize(policy.length());
        String allowed = String.join("", policy.characterClasses());
        for (char c : password) {
            assertThat(allowed).contains(String.valueOf(c));
            assertThat(policy.excluded()).doesNotContain(String.valueOf(c));
            if (policy.excludeAmbiguous()) {
                assertThat(PasswordPolicy.AMBIGUOUS).doesNotContain(String.valueOf(c));
            }
        }
        for (String characterClass : policy.characterClasses()) {
            assertThat(new String(password)).containsAnyOf(characterClass.split(""));
        }
    }

    @Property(tries = 50)
    void shortPasswordsStillCoverAllFourClasses(@ForAll @IntRange(min = 4, max = 6) int length) {
        PasswordPolicy policy = new PasswordPolicy(length, true, true, true, true, "", true);
        String password = new String(PasswordGenerator.generate(policy));
        for (String characterClass : policy.characterClasses()) {
            assertThat(password).containsAnyOf(characterClass.split(""));
        }
    }

    /**
     * The generator must be uniform over ALL valid passwords. With classes {a, b}, {A}, {2} and
     * length 5 there are exactly 540; each must come up equally often. (The popular "one per class,
     * fill, shuffle" method fails this: it favours strings such as "aaAA2" over "aaaA2".)
     */
    @Test
    void uniformOverEveryValidPassword() {
        PasswordPolicy policy = tiny(5);
        int valid = 540;
        int draws = 60_000;
        Map<String, Integer> index = new HashMap<>();
        long[] observed = new long[valid];
        for (int i = 0; i < draws; i++) {
            String password = new String(PasswordGenerator.generate(policy));
            Integer slot = index.computeIfAbsent(password, p -> index.size());
            assertThat(slot).as("more distinct passwords than valid ones").isLessThan(valid);
            observed[slot]++;
        }
        double[] expected = new double[valid];
        Arrays.fill(expected, (double) draws / valid);
        assertThat(index).hasSize(valid);
        assertThat(ChiSquared.statistic(observed, expected))
                .isLessThan(ChiSquared.critical(valid - 1));
    }

    /**
     * Character frequencies of the default policy. Not 1/94 each: the coverage rule makes the small
     * classes (digits most) more frequent, so the expected frequency of a character of class c is
     * P(position 1 is c and the rest covers the other classes) / P(valid), computed exactly by
     * inclusion-exclusion.
     */
    @Test
    void characterFrequenciesMatchTheExactDistribution() {
        PasswordPolicy policy = PasswordPolicy.DEFAULT;
        List<String> classes = policy.characterClasses();
        String alphabet = String.join("", classes);
        int passwords = 10_000;
        long[] observed = new long[alphabet.length()];
        for (int i = 0; i < passwords; i++) {
            for (char c : PasswordGenerator.generate(policy)) {
                observed[alphabet.indexOf(c)]++;
            }
        }
        double total = alphabet.length();
        int length = policy.length();
        double valid = coverProbability(classes, 0, length);
        double[] expected = new double[alphabet.length()];
        for (int c = 0, offset = 0; c < classes.size(); c++) {
            int size = classes.get(c).length();
            // First character is one given character of class c; the other length - 1 must
            // cover all other classes.
            double perCharacter =
                    (1 / total) * coverProbability(classes, 1 << c, length - 1) / valid;
            for (int k = 0; k < size; k++) {
                expected[offset + k] = perCharacter * passwords * length;
            }
            offset += size;
        }
        assertThat(ChiSquared.statistic(observed, expected))
                .isLessThan(ChiSquared.critical(alphabet.length() - 1));
    }

    /** P(n uniform draws from the union contain every class not in {@code alreadyCovered}). */
    private static double coverProbability(List<String> classes, int alreadyCovered, int n) {
        double total = String.join("", classes).length();
        double p = 0;
        for (int missing = 0; missing < 1 << classes.size(); missing++) {
            if ((missing & alreadyCovered) != 0) {
                continue;
            }
            double size = total;
            for (int c = 0; c < classes.size(); c++) {
                if ((missing & (1 << c)) != 0) {
                    size -= classes.get(c).length();
                }
            }
            double term = Math.pow(size / total, n);
            p += Integer.bitCount(missing) % 2 == 0 ? term : -term;
        }
        return p;
    }

    /** Classes reduced to {a, b}, {A}, {2}: small enough to enumerate every password. */
    private static PasswordPolicy tiny(int length) {
        StringBuilder excluded = new StringBuilder();
        for (char c = ' '; c <= '~'; c++) {
            if ("abA2".indexOf(c) < 0) {
                excluded.append(c);
            }
        }
        return new PasswordPolicy(length, true, true, true, false, excluded.toString(), false);
    }
}
