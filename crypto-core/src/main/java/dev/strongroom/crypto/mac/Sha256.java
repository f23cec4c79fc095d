package dev.strongroom.crypto.mac;

import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** SHA-256 (FIPS 180-4). */
public final class Sha256 {

    /** Digest length in bytes. */
    public static final int LENGTH = 32;

    private Sha256() {}

    /**
     * SHA-256 of the plain concatenation of {@code parts}. The concatenation is not
     * length-prefixed, so ("ab","c") and ("a","bc") hash alike: when the parts are separate fields,
     * encode them with {@code common.Canonical} first.
     */
    public static byte[] hash(byte[]... parts) {
        SHA256Digest digest = new SHA256Digest();
        for (byte[] part : parts) {
            Objects.requireNonNull(part, "part");
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[LENGTH];
        digest.doFinal(out, 0);
        return out;
    }
}
