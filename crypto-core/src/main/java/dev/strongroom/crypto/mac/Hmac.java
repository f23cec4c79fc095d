package dev.strongroom.crypto.mac;

import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.ConstantTime;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * HMAC-SHA256 (RFC 2104) with constant-time verification.
 *
 * <p>Truncated tags: {@link #verifySha256} accepts only the full 32-byte tag, so a caller cannot be
 * tricked into checking fewer bits by a shortened tag. A protocol that really uses truncated tags
 * must say so with {@link #verifySha256Truncated}, which also enforces a 16-byte (128-bit) floor.
 */
public final class Hmac {

    /** Full HMAC-SHA256 tag length in bytes. */
    public static final int TAG_LENGTH = 32;

    /** Shortest truncated tag {@link #verifySha256Truncated} will ever accept (128 bits). */
    public static final int MIN_TRUNCATED_TAG_LENGTH = 16;

    private Hmac() {}

    /** HMAC-SHA256 of {@code data} under {@code key} (any length; RFC 2104 hashes long keys). */
    public static byte[] sha256(byte[] key, byte[] data) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(data, "data");
        HMac mac = new HMac(new SHA256Digest());
        KeyParameter keyParameter = new KeyParameter(key);
        try {
            mac.init(keyParameter);
            mac.update(data, 0, data.length);
            byte[] out = new byte[TAG_LENGTH];
            mac.doFinal(out, 0);
            return out;
        } finally {
            Bytes.wipe(keyParameter.getKey());
        }
    }

    /**
     * True only if {@code tag} is the full 32-byte HMAC-SHA256 of {@code data} under {@code key}. A
     * tag of any other length (including a correct truncated prefix) is rejected. Comparison time
     * does not depend on where the tags differ.
     */
    public static boolean verifySha256(byte[] key, byte[] data, byte[] tag) {
        Objects.requireNonNull(tag, "tag");
        byte[] expected = sha256(key, data);
        try {
            return ConstantTime.equals(expected, tag);
        } finally {
            Bytes.wipe(expected);
        }
    }

    /**
     * Verifies a tag that may be a truncation (leftmost bytes, RFC 2104 §5) of the HMAC-SHA256.
     * Accepts only if {@code tag.length} is between {@code minTagBytes} and 32 and equals that
     * prefix of the full tag; the caller states the shortest tag its protocol allows.
     *
     * @throws ParameterRejectedException if {@code minTagBytes} is below 16 or above 32
     */
    public static boolean verifySha256Truncated(
            byte[] key, byte[] data, byte[] tag, int minTagBytes) {
        if (minTagBytes < MIN_TRUNCATED_TAG_LENGTH || minTagBytes > TAG_LENGTH) {
            throw new ParameterRejectedException(
                    "minimum HMAC tag length must be "
                            + MIN_TRUNCATED_TAG_LENGTH
                            + ".."
                            + TAG_LENGTH
                            + " bytes, got "
                            + minTagBytes);
        }
        Objects.requireNonNull(tag, "tag");
        byte[] full = sha256(key, data);
        byte[] prefix = Arrays.copyOf(full, Math.min(tag.length, TAG_LENGTH));
        try {
            // The tag length is public (it is on the wire), so branching on it leaks nothing.
            boolean lengthOk = tag.length >= minTagBytes && tag.length <= TAG_LENGTH;
            return ConstantTime.equals(prefix, tag) & lengthOk;
        } finally {
            Bytes.wipe(full);
            Bytes.wipe(prefix);
        }
    }
}
