package dev.strongroom.crypto.common;

import java.security.MessageDigest;

/** Comparisons whose running time does not depend on where inputs differ. */
public final class ConstantTime {

    private ConstantTime() {}

    /**
     * True when both arrays have the same length and content. Time depends only on the lengths
     * (which are not secret for any caller here), never on the position of the first difference.
     */
    public static boolean equals(byte[] a, byte[] b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a, b);
    }
}
