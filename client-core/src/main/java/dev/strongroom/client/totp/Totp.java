package dev.strongroom.client.totp;

import dev.strongroom.crypto.common.Bytes;
import java.time.Instant;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * RFC 6238 time-based one-time passwords (T0 = 0, step = the key's period) built on the RFC 4226
 * HOTP dynamic truncation.
 */
public final class Totp {

    private static final int[] POWERS_OF_TEN = {
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
    };

    private Totp() {}

    /** The code for {@code time}, zero-padded to the key's digits. */
    public static String code(TotpKey key, Instant time) {
        return code(key, counter(key, time));
    }

    /** The RFC 6238 time step counter for {@code time}: floor(unixSeconds / period). */
    public static long counter(TotpKey key, Instant time) {
        long seconds = time.getEpochSecond();
        if (seconds < 0) {
            throw new TotpException("TOTP time must not be before 1970-01-01");
        }
        return seconds / key.periodSeconds();
    }

    /** Seconds until the current code changes, in [1, period]. */
    public static long secondsRemaining(TotpKey key, Instant now) {
        return key.periodSeconds() - Math.floorMod(now.getEpochSecond(), key.periodSeconds());
    }

    /**
     * True when {@code candidate} equals the code of any time step within {@code window} steps of
     * {@code now}. Every step in the window is computed and compared in constant time, so the
     * running time does not reveal which step (if any) matched or where a guess went wrong.
     */
    public static boolean verify(TotpKey key, char[] candidate, Instant now, int window) {
        if (window < 0 || window > 10) {
            throw new TotpException("TOTP verification window must be 0 to 10 steps");
        }
        long center = counter(key, now);
        boolean matched = false;
        for (long step = center - window; step <= center + window; step++) {
            if (step < 0) {
                continue;
            }
            char[] expected = code(key, step).toCharArray();
            matched |= constantTimeEquals(expected, candidate);
            Bytes.wipe(expected);
        }
        return matched;
    }

    /** The HOTP value (RFC 4226) for {@code counter} with the key's hash and digits. */
    static String code(TotpKey key, long counter) {
        HMac mac = new HMac(key.algorithm().newDigest());
        mac.init(new KeyParameter(key.secret()));
        byte[] message = new byte[8];
        for (int i = 7; i >= 0; i--) {
            message[i] = (byte) counter;
            counter >>>= 8;
        }
        mac.update(message, 0, message.length);
        byte[] hash = new byte[mac.getMacSize()];
        mac.doFinal(hash, 0);
        mac.reset();
        int offset = hash[hash.length - 1] & 0x0f;
        int binary =
                ((hash[offset] & 0x7f) << 24)
                        | ((hash[offset + 1] & 0xff) << 16)
                        | ((hash[offset + 2] & 0xff) << 8)
                        | (hash[offset + 3] & 0xff);
        Bytes.wipe(hash);
        int value = binary % POWERS_OF_TEN[key.digits()];
        StringBuilder out = new StringBuilder(key.digits());
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < key.digits(); i++) {
            out.append('0');
        }
        return out.append(digits).toString();
    }

    private static boolean constantTimeEquals(char[] a, char[] b) {
        int diff = a.length ^ b.length;
        for (int i = 0; i < a.length; i++) {
            diff |= a[i] ^ (i < b.length ? b[i] : 0);
        }
        return diff == 0;
    }
}
