package dev.strongroom.crypto.shamir;

import dev.strongroom.crypto.api.InvalidShareException;
import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.common.Randoms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Byte-wise Shamir secret sharing over {@link Gf256}, exactly as the SLIP-0039 functions
 * SplitSecret, RecoverSecret and Interpolate define it: the secret sits at x = 255, a 4-byte
 * HMAC-SHA256 digest of it (plus n - 4 random bytes) at x = 254, and shares at x = 0..N-1. The
 * digest lets {@link #recover} detect a wrong or fabricated share set (failure chance 2^-32).
 *
 * <p>This is one level of the scheme. {@code dev.strongroom.crypto.slip39.Slip39} builds the
 * two-level group scheme, the passphrase encryption and the mnemonic format on top of it.
 */
public final class Shamir {

    /** Most shares (and highest threshold) per split: indices are 4 bits in SLIP-0039. */
    public static final int MAX_SHARES = 16;

    /** Shortest secret: 128 bits, as SLIP-0039 requires (the digest costs 32 bits of entropy). */
    public static final int MIN_SECRET_LENGTH = 16;

    static final int DIGEST_INDEX = 254;
    static final int SECRET_INDEX = 255;
    static final int DIGEST_LENGTH = 4;

    private Shamir() {}

    /**
     * SplitSecret(T, N, S): {@code count} shares with indices 0..count-1, any {@code threshold} of
     * which recover {@code secret}. With threshold 1 every share is a copy of the secret (as the
     * specification says). The caller owns and must close the returned shares.
     *
     * @throws ParameterRejectedException unless 1 <= threshold <= count <= 16 and the secret is at
     *     least 16 bytes of even length
     */
    public static List<ShamirShare> split(int threshold, int count, byte[] secret) {
        if (threshold < 1 || threshold > count || count > MAX_SHARES) {
            throw new ParameterRejectedException(
                    "Shamir split needs 1 <= threshold <= count <= "
                            + MAX_SHARES
                            + ", got threshold "
                            + threshold
                            + " and count "
                            + count);
        }
        if (secret.length < MIN_SECRET_LENGTH || secret.length % 2 != 0) {
            throw new ParameterRejectedException(
                    "Shamir secret must be at least 16 bytes and of even length, got "
                            + secret.length
                            + " bytes");
        }
        List<ShamirShare> shares = new ArrayList<>(count);
        if (threshold == 1) {
            for (int i = 0; i < count; i++) {
                shares.add(ShamirShare.of(i, secret));
            }
            return shares;
        }
        List<ShamirShare> base = new ArrayList<>(threshold);
        try {
            byte[] random = Randoms.bytes(secret.length - DIGEST_LENGTH);
            byte[] digest = digest(random, secret);
            byte[] digestShare = Bytes.concat(digest, random);
            Bytes.wipe(random);
            Bytes.wipe(digest);
            for (int i = 0; i < threshold - 2; i++) {
                base.add(ShamirShare.takeOwnership(i, Randoms.bytes(secret.length)));
            }
            base.add(ShamirShare.takeOwnership(DIGEST_INDEX, digestShare));
            base.add(ShamirShare.of(SECRET_INDEX, secret));
            for (int i = 0; i < threshold - 2; i++) {
                shares.add(ShamirShare.of(i, base.get(i).value()));
            }
            for (int i = threshold - 2; i < count; i++) {
                shares.add(ShamirShare.takeOwnership(i, interpolate(base, i)));
            }
            return shares;
        } finally {
            base.forEach(ShamirShare::close);
        }
    }

    /**
     * RecoverSecret(T, shares): the secret at x = 255, after checking the digest at x = 254. Share
     * indices must be distinct and in [0, 15]. The caller must pass exactly {@code threshold}
     * shares to get the secret back; fewer (or shares of different splits) fail the digest check.
     * The caller owns (and wipes) the returned array.
     *
     * @throws InvalidShareException if the shares are inconsistent or fail the digest check; the
     *     message never contains share values
     */
    public static byte[] recover(int threshold, List<ShamirShare> shares) {
        if (threshold < 1 || threshold > MAX_SHARES) {
            throw new ParameterRejectedException(
                    "Shamir threshold must be in [1, " + MAX_SHARES + "], got " + threshold);
        }
        if (shares.isEmpty()) {
            throw new InvalidShareException("no shares to recover from");
        }
        for (ShamirShare share : shares) {
            if (share.index() >= MAX_SHARES) {
                throw new InvalidShareException(
                        "share index "
                                + share.index()
                                + " is outside [0, "
                                + (MAX_SHARES - 1)
                                + "]");
            }
        }
        if (threshold == 1) {
            return shares.get(0).copyBytes();
        }
        byte[] secret = interpolate(shares, SECRET_INDEX);
        byte[] digestShare = interpolate(shares, DIGEST_INDEX);
        try {
            byte[] random = Arrays.copyOfRange(digestShare, DIGEST_LENGTH, digestShare.length);
            byte[] expected = digest(random, secret);
            byte[] actual = Arrays.copyOf(digestShare, DIGEST_LENGTH);
            boolean ok = ConstantTime.equals(expected, actual);
            Bytes.wipe(random);
            Bytes.wipe(expected);
            Bytes.wipe(actual);
            if (!ok) {
                Bytes.wipe(secret);
                throw new InvalidShareException(
                        "share digest mismatch: the shares do not belong together, are too few,"
                                + " or one was altered");
            }
            return secret;
        } finally {
            Bytes.wipe(digestShare);
        }
    }

    /**
     * Interpolate(x, shares): the value vector of the unique polynomial of lowest degree through
     * the given points, evaluated at {@code x}. The caller owns (and wipes) the returned array.
     *
     * @throws InvalidShareException if there are no shares, two share the same index, or their
     *     values differ in length
     */
    public static byte[] interpolate(List<ShamirShare> shares, int x) {
        if (x < 0 || x > 255) {
            throw new ParameterRejectedException("x must be in [0, 255], got " + x);
        }
        if (shares.isEmpty()) {
            throw new InvalidShareException("no shares to interpolate");
        }
        int length = shares.get(0).length();
        boolean[] seen = new boolean[256];
        for (ShamirShare share : shares) {
            if (share.length() != length) {
                throw new InvalidShareException("shares have values of different lengths");
            }
            if (seen[share.index()]) {
                throw new InvalidShareException("two shares have the same index " + share.index());
            }
            seen[share.index()] = true;
        }
        byte[] result = new byte[length];
        for (ShamirShare share : shares) {
            // Lagrange basis polynomial of this share at x: depends on public indices only.
            int basis = 1;
            for (ShamirShare other : shares) {
                if (other != share) {
                    int term = Gf256.div(x ^ other.index(), share.index() ^ other.index());
                    basis = Gf256.mul(basis, term);
                }
            }
            byte[] y = share.value();
            for (int k = 0; k < length; k++) {
                result[k] ^= (byte) Gf256.mul(y[k] & 0xff, basis);
            }
        }
        return result;
    }

    /** First 4 bytes of HMAC-SHA256(key = random, msg = secret), per SLIP-0039. */
    private static byte[] digest(byte[] random, byte[] secret) {
        HMac hmac = new HMac(new SHA256Digest());
        hmac.init(new KeyParameter(random));
        hmac.update(secret, 0, secret.length);
        byte[] mac = new byte[hmac.getMacSize()];
        hmac.doFinal(mac, 0);
        hmac.reset();
        byte[] digest = Arrays.copyOf(mac, DIGEST_LENGTH);
        Bytes.wipe(mac);
        return digest;
    }
}
