package dev.strongroom.crypto.mac;

import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.common.Bytes;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * HKDF with HMAC-SHA256 (RFC 5869). Used to split one secret into independent keys, each bound to
 * its purpose by {@code info} (build it with {@code common.Canonical}).
 */
public final class Hkdf {

    /** HashLen of SHA-256 in bytes. */
    public static final int HASH_LENGTH = 32;

    /** Largest output RFC 5869 allows: 255 blocks of HashLen. */
    public static final int MAX_OUTPUT_LENGTH = 255 * HASH_LENGTH;

    private static final byte[] EMPTY = new byte[0];

    private Hkdf() {}

    /**
     * HKDF-Extract: PRK = HMAC-SHA256(salt, ikm). A null or empty salt means HashLen zero bytes, as
     * the RFC specifies (HMAC pads the key with zeros, so both give the same PRK).
     */
    public static byte[] extract(byte[] salt, byte[] ikm) {
        Objects.requireNonNull(ikm, "ikm");
        byte[] saltOrZeros = salt == null || salt.length == 0 ? new byte[HASH_LENGTH] : salt;
        return Hmac.sha256(saltOrZeros, ikm);
    }

    /**
     * HKDF-Expand: {@code length} bytes of output keyed by {@code prk}, bound to {@code info} (null
     * means empty).
     *
     * @throws ParameterRejectedException if {@code length} is not in 1..8160, or {@code prk} is
     *     shorter than HashLen (RFC 5869 requires a PRK of at least HashLen bytes; a shorter one
     *     means raw key material was passed where {@link #extract} output belongs)
     */
    public static byte[] expand(byte[] prk, byte[] info, int length) {
        Objects.requireNonNull(prk, "prk");
        if (length < 1 || length > MAX_OUTPUT_LENGTH) {
            throw new ParameterRejectedException(
                    "HKDF output length must be 1.." + MAX_OUTPUT_LENGTH + " bytes, got " + length);
        }
        if (prk.length < HASH_LENGTH) {
            throw new ParameterRejectedException(
                    "HKDF PRK must be at least " + HASH_LENGTH + " bytes, got " + prk.length);
        }
        byte[] context = info == null ? EMPTY : info;
        HMac mac = new HMac(new SHA256Digest());
        KeyParameter keyParameter = new KeyParameter(prk);
        byte[] block = new byte[HASH_LENGTH];
        byte[] out = new byte[length];
        try {
            mac.init(keyParameter);
            // T(i) = HMAC(PRK, T(i-1) || info || i), T(0) empty; output is T(1) || T(2) || ...
            for (int offset = 0, counter = 1; offset < length; offset += HASH_LENGTH, counter++) {
                if (counter > 1) {
                    mac.update(block, 0, HASH_LENGTH);
                }
                mac.update(context, 0, context.length);
                mac.update((byte) counter);
                mac.doFinal(block, 0);
                System.arraycopy(block, 0, out, offset, Math.min(HASH_LENGTH, length - offset));
            }
            return out;
        } finally {
            Bytes.wipe(block);
            Bytes.wipe(keyParameter.getKey());
        }
    }

    /**
     * Extract then expand: {@code length} bytes derived from {@code ikm}, {@code salt}, {@code
     * info}.
     */
    public static byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
        if (length < 1 || length > MAX_OUTPUT_LENGTH) {
            throw new ParameterRejectedException(
                    "HKDF output length must be 1.." + MAX_OUTPUT_LENGTH + " bytes, got " + length);
        }
        byte[] prk = extract(salt, ikm);
        try {
            return expand(prk, info, length);
        } finally {
            Bytes.wipe(prk);
        }
    }
}
