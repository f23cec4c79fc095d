package dev.strongroom.crypto.generate;

/** Pearson's chi-squared goodness-of-fit, with a fixed significance level of about 1e-6. */
final class ChiSquared {

    /** Standard normal quantile for an upper tail of 1e-6. */
    private static final double Z_1E_6 = 4.753;

    private ChiSquared() {}

    static double statistic(long[] observed, double[] expected) {
        double sum = 0;
        for (int i = 0; i < observed.length; i++) {
            double d = observed[i] - expected[i];
            sum += d * d / expected[i];
        }
        return sum;
    }

    /**
     * The value a chi-squared variable with {@code df} degrees of freedom exceeds with probability
     * about 1e-6 (Wilson-Hilferty approximation). A correct generator fails such a test once in a
     * million runs, so the tests do not flake, while a real bias of a few percent still fails.
     */
    static double critical(int df) {
        double a = 2.0 / (9.0 * df);
        double cube = 1 - a + Z_1E_6 * Math.sqrt(a);
        return df * cube * cube * cube;
    }
}
