package dev.strongroom.crypto.shamir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.api.InvalidShareException;
import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.common.Randoms;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ShamirTest {

    @Provide
    Arbitrary<byte[]> secrets() {
        return Arbitraries.of(16, 32)
                .flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
    }

    private static List<ShamirShare> pick(List<ShamirShare> shares, int k, Random random) {
        List<ShamirShare> copy = new ArrayList<>(shares);
        Collections.shuffle(copy, random);
        return new ArrayList<>(copy.subList(0, k));
    }

    @Property(tries = 300)
    void anyThresholdSharesRecoverAndFewerDoNot(
            @ForAll("secrets") byte[] secret,
            @ForAll @IntRange(min = 1, max = 16) int count,
            @ForAll @IntRange(min = 1, max = 16) int thresholdSeed,
            @ForAll Random random) {
        int threshold = 1 + thresholdSeed % count;
        List<ShamirShare> shares = Shamir.split(threshold, count, secret);
        assertThat(shares).hasSize(count);
        assertThat(shares).extracting(ShamirShare::index).doesNotHaveDuplicates();

        assertThat(Shamir.recover(threshold, pick(shares, threshold, random))).isEqualTo(secret);
        if (threshold > 1) {
            // T - 1 shares define a wrong polynomial: the digest at x = 254 catches it.
            List<ShamirShare> tooFew = pick(shares, threshold - 1, random);
            assertThatThrownBy(() -> Shamir.recover(threshold, tooFew))
                    .isInstanceOf(InvalidShareException.class)
                    .hasMessageContaining("digest mismatch");
        }
    }

    @Property(tries = 200)
    void aShareFromAnotherSplitIsRejected(
            @ForAll("secrets") byte[] secret,
            @ForAll @IntRange(min = 2, max = 16) int count,
            @ForAll @IntRange(min = 2, max = 16) int thresholdSeed,
            @ForAll Random random) {
        int threshold = 2 + thresholdSeed % (count - 1);
        List<ShamirShare> shares = Shamir.split(threshold, count, secret);
        List<ShamirShare> other = Shamir.split(threshold, count, secret);
        List<ShamirShare> mixed = pick(shares, threshold, random);
        ShamirShare replaced = mixed.remove(0);
        mixed.add(other.get(replaced.index()));
        assertThatThrownBy(() -> Shamir.recover(threshold, mixed))
                .isInstanceOf(InvalidShareException.class)
                .hasMessageContaining("digest mismatch");
    }

    @Property(tries = 100)
    void interpolationThroughTheSharesGivesTheSecretAndEachShare(
            @ForAll("secrets") byte[] secret, @ForAll @IntRange(min = 2, max = 16) int threshold) {
        List<ShamirShare> shares = Shamir.split(threshold, 16, secret);
        List<ShamirShare> basis = shares.subList(0, threshold);
        assertThat(Shamir.interpolate(basis, Shamir.SECRET_INDEX)).isEqualTo(secret);
        for (ShamirShare share : shares) {
            assertThat(Shamir.interpolate(basis, share.index())).isEqualTo(share.copyBytes());
        }
    }

    @Test
    void thresholdOneGivesCopiesOfTheSecret() {
        byte[] secret = Randoms.bytes(16);
        List<ShamirShare> shares = Shamir.split(1, 3, secret);
        for (ShamirShare share : shares) {
            assertThat(share.copyBytes()).isEqualTo(secret);
        }
        assertThat(Shamir.recover(1, shares.subList(2, 3))).isEqualTo(secret);
    }

    @Test
    void rejectsBadParameters() {
        byte[] secret = new byte[16];
        for (int[] bad : new int[][] {{0, 1}, {3, 2}, {2, 17}, {17, 17}}) {
            assertThatThrownBy(() -> Shamir.split(bad[0], bad[1], secret))
                    .isInstanceOf(ParameterRejectedException.class);
        }
        for (int length : new int[] {0, 15, 17, 31}) {
            assertThatThrownBy(() -> Shamir.split(2, 3, new byte[length]))
                    .isInstanceOf(ParameterRejectedException.class)
                    .hasMessageContaining(length + " bytes");
        }
    }

    @Test
    void rejectsDuplicateOutOfRangeAndMismatchedShares() {
        List<ShamirShare> shares = Shamir.split(2, 3, Randoms.bytes(16));
        assertThatThrownBy(() -> Shamir.recover(2, List.of(shares.get(0), shares.get(0))))
                .isInstanceOf(InvalidShareException.class)
                .hasMessageContaining("same index");
        // An attacker moving a share to x = 255 must not make it the secret.
        ShamirShare atSecret = ShamirShare.of(255, shares.get(0).copyBytes());
        assertThatThrownBy(() -> Shamir.recover(2, List.of(atSecret, shares.get(1))))
                .isInstanceOf(InvalidShareException.class)
                .hasMessageContaining("outside");
        ShamirShare shorter = ShamirShare.of(2, new byte[18]);
        assertThatThrownBy(() -> Shamir.recover(2, List.of(shares.get(0), shorter)))
                .isInstanceOf(InvalidShareException.class)
                .hasMessageContaining("different lengths");
        assertThatThrownBy(() -> Shamir.recover(2, List.of()))
                .isInstanceOf(InvalidShareException.class);
    }

    @Test
    void sharesAreRedactedAndWipedOnClose() {
        byte[] secret = new byte[16];
        secret[0] = 0x42;
        ShamirShare share = Shamir.split(1, 1, secret).get(0);
        assertThat(share.toString()).contains("redacted").doesNotContain("42");
        share.close();
        assertThat(share.isDestroyed()).isTrue();
    }
}
