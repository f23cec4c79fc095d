package dev.strongroom.crypto.shamir;

/**
 * Arithmetic in GF(2^8) with the Rijndael reduction polynomial x^8 + x^4 + x^3 + x + 1 (0x11B), the
 * field SLIP-0039 mandates. Elements are ints in [0, 255]; addition and subtraction are both XOR.
 *
 * <p>Two kinds of multiplication, because share values are secret but share indices are not:
 *
 * <ul>
 *   <li>{@link #mul} is shift-and-add with masks: no branch and no table lookup depends on the
 *       operands, so it is safe on secret bytes (no cache-timing leak).
 *   <li>{@link #div} and {@link #inverse} use log/exp tables (generator 3). They are only ever
 *       applied to public values (the x coordinates 0..15, 254, 255 and their Lagrange basis
 *       coefficients), where a table lookup leaks nothing.
 * </ul>
 */
public final class Gf256 {

    /** Rijndael reduction polynomial x^8 + x^4 + x^3 + x + 1. */
    static final int POLYNOMIAL = 0x11B;

    private static final int[] EXP = new int[510];
    private static final int[] LOG = new int[256];

    static {
        int x = 1;
        for (int i = 0; i < 255; i++) {
            EXP[i] = x;
            EXP[i + 255] = x; // doubled so log(a) + log(b) needs no reduction mod 255
            LOG[x] = i;
            x ^= xtime(x); // x * 3, and 3 generates the multiplicative group
        }
    }

    private Gf256() {}

    /** Sum (and difference) of two field elements. */
    public static int add(int a, int b) {
        return a ^ b;
    }

    /** Product of two field elements in constant time; safe when either operand is secret. */
    public static int mul(int a, int b) {
        int result = 0;
        for (int bit = 0; bit < 8; bit++) {
            result ^= a & -(b & 1);
            b >>>= 1;
            a = (a << 1) ^ (POLYNOMIAL & -((a >>> 7) & 1));
        }
        return result;
    }

    /**
     * Quotient {@code a / b} by log/exp tables. Not constant time: only for public operands.
     *
     * @throws ArithmeticException if {@code b} is zero
     */
    public static int div(int a, int b) {
        if (b == 0) {
            throw new ArithmeticException("division by zero in GF(256)");
        }
        if (a == 0) {
            return 0;
        }
        return EXP[LOG[a] + 255 - LOG[b]];
    }

    /** Multiplicative inverse by log/exp tables. Not constant time: only for public operands. */
    public static int inverse(int a) {
        return div(1, a);
    }

    /** {@code a * 2} reduced by the Rijndael polynomial (FIPS-197 section 4.2.1). */
    private static int xtime(int a) {
        int doubled = a << 1;
        return (doubled & 0x100) != 0 ? doubled ^ POLYNOMIAL : doubled;
    }
}
