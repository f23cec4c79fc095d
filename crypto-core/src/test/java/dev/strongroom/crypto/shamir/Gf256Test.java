package dev.strongroom.crypto.shamir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Gf256Test {

    /** Schoolbook carry-less multiplication reduced by 0x11B: an independent reference. */
    private static int reference(int a, int b) {
        int product = 0;
        for (int i = 0; i < 8; i++) {
            if ((b & (1 << i)) != 0) {
                product ^= a << i;
            }
        }
        for (int bit = 15; bit >= 8; bit--) {
            if ((product & (1 << bit)) != 0) {
                product ^= 0x11B << (bit - 8);
            }
        }
        return product;
    }

    @Test
    void fips197Examples() {
        // FIPS-197 section 4.2: {57} * {83} = {c1}, {57} * {13} = {fe}.
        assertThat(Gf256.mul(0x57, 0x83)).isEqualTo(0xc1);
        assertThat(Gf256.mul(0x57, 0x13)).isEqualTo(0xfe);
        assertThat(Gf256.add(0x57, 0x83)).isEqualTo(0xd4);
    }

    @Test
    void constantTimeMultiplicationMatchesReferenceAndTablesForAllPairs() {
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                int product = Gf256.mul(a, b);
                assertThat(product).isEqualTo(reference(a, b));
                if (b != 0) {
                    assertThat(Gf256.div(product, b)).isEqualTo(a);
                }
            }
        }
    }

    @Test
    void everyNonZeroElementHasAnInverse() {
        for (int a = 1; a < 256; a++) {
            assertThat(Gf256.mul(a, Gf256.inverse(a))).isEqualTo(1);
        }
        assertThatThrownBy(() -> Gf256.inverse(0)).isInstanceOf(ArithmeticException.class);
    }
}
