package dev.strongroom.crypto.slip39;

/**
 * The RS1024 checksum of SLIP-0039: a Reed-Solomon code over GF(1024) with three check words, which
 * detects any error in at most 3 words. Transcribed from the specification's Python ({@code
 * rs1024_polymod}, {@code rs1024_create_checksum}, {@code rs1024_verify_checksum}).
 *
 * <p>The customization string is "shamir" for shares with the extendable flag clear and
 * "shamir_extendable" when it is set, so flipping that flag also breaks the checksum.
 */
final class Rs1024 {

    static final int CHECKSUM_WORDS = 3;
    static final String CUSTOMIZATION = "shamir";
    static final String CUSTOMIZATION_EXTENDABLE = "shamir_extendable";

    private static final int[] GEN = {
        0xe0e040,
        0x1c1c080,
        0x3838100,
        0x7070200,
        0xe0e0009,
        0x1c0c2412,
        0x38086c24,
        0x3090fc48,
        0x21b1f890,
        0x3f3f120
    };

    private Rs1024() {}

    static String customization(boolean extendable) {
        return extendable ? CUSTOMIZATION_EXTENDABLE : CUSTOMIZATION;
    }

    /** The three checksum words for the data words of a share. */
    static int[] create(String customization, int[] data) {
        int[] values = new int[data.length + CHECKSUM_WORDS];
        System.arraycopy(data, 0, values, 0, data.length);
        int polymod = polymod(customization, values) ^ 1;
        return new int[] {(polymod >>> 20) & 1023, (polymod >>> 10) & 1023, polymod & 1023};
    }

    /** True if {@code words} (data followed by the three checksum words) is a valid codeword. */
    static boolean verify(String customization, int[] words) {
        return polymod(customization, words) == 1;
    }

    private static int polymod(String customization, int[] words) {
        int chk = 1;
        for (int i = 0; i < customization.length(); i++) {
            chk = step(chk, customization.charAt(i));
        }
        for (int word : words) {
            chk = step(chk, word);
        }
        return chk;
    }

    private static int step(int chk, int value) {
        int b = chk >>> 20;
        chk = ((chk & 0xfffff) << 10) ^ value;
        for (int i = 0; i < 10; i++) {
            chk ^= GEN[i] & -((b >>> i) & 1);
        }
        return chk;
    }
}
