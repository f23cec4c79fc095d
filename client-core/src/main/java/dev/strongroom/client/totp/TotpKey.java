package dev.strongroom.client.totp;

import dev.strongroom.crypto.common.Bytes;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * A TOTP shared secret with its parameters (algorithm, digits, period) and optional labels. Holds
 * the decoded secret bytes and wipes them on {@link #close()}.
 */
public final class TotpKey implements AutoCloseable, Destroyable {

    /** RFC 4226 asks for 128 bits; 80-bit secrets are still common, so 80 bits is our floor. */
    public static final int MIN_SECRET_BYTES = 10;

    public static final int MAX_SECRET_BYTES = 128;
    public static final int DEFAULT_DIGITS = 6;
    public static final int DEFAULT_PERIOD_SECONDS = 30;
    public static final int MAX_PERIOD_SECONDS = 3600;

    private final byte[] secret;
    private final TotpAlgorithm algorithm;
    private final int digits;
    private final int periodSeconds;
    private final String issuer;
    private final String account;
    private volatile boolean destroyed;

    private TotpKey(
            byte[] secret,
            TotpAlgorithm algorithm,
            int digits,
            int periodSeconds,
            String issuer,
            String account) {
        this.secret = secret;
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.digits = digits;
        this.periodSeconds = periodSeconds;
        this.issuer = issuer;
        this.account = account;
        if (secret.length < MIN_SECRET_BYTES || secret.length > MAX_SECRET_BYTES) {
            Bytes.wipe(secret);
            throw new TotpException(
                    "TOTP secret must be "
                            + MIN_SECRET_BYTES
                            + " to "
                            + MAX_SECRET_BYTES
                            + " bytes, got "
                            + secret.length);
        }
        if (digits < 6 || digits > 8) {
            Bytes.wipe(secret);
            throw new TotpException("TOTP digits must be 6, 7 or 8");
        }
        if (periodSeconds < 1 || periodSeconds > MAX_PERIOD_SECONDS) {
            Bytes.wipe(secret);
            throw new TotpException("TOTP period must be 1 to " + MAX_PERIOD_SECONDS + " seconds");
        }
    }

    /**
     * A key from raw secret bytes (copied; the caller keeps and wipes its array) and explicit
     * parameters.
     */
    public static TotpKey of(
            byte[] secret, TotpAlgorithm algorithm, int digits, int periodSeconds) {
        return new TotpKey(secret.clone(), algorithm, digits, periodSeconds, null, null);
    }

    /**
     * A key from a Base32 secret as people paste it: spaces and hyphens are ignored, lower case is
     * accepted, padding is optional; the rest follows strict {@link Base32}. Defaults: SHA1, 6
     * digits, 30 seconds.
     */
    public static TotpKey fromBase32(char[] secretText) {
        char[] normalised = new char[secretText.length];
        int n = 0;
        for (char c : secretText) {
            if (c == ' ' || c == '-') {
                continue;
            }
            normalised[n++] = (c >= 'a' && c <= 'z') ? (char) (c - 'a' + 'A') : c;
        }
        try {
            if (n == 0) {
                throw new TotpException("TOTP secret is empty");
            }
            return new TotpKey(
                    Base32.decode(normalised, 0, n),
                    TotpAlgorithm.SHA1,
                    DEFAULT_DIGITS,
                    DEFAULT_PERIOD_SECONDS,
                    null,
                    null);
        } finally {
            Bytes.wipe(normalised);
        }
    }

    /** An {@code otpauth://totp/...} URI; see {@link OtpauthUri} for the accepted form. */
    public static TotpKey fromOtpauthUri(char[] uri) {
        return OtpauthUri.parse(uri);
    }

    /** Either an otpauth:// URI (recognised by its scheme) or a Base32 secret. */
    public static TotpKey parse(char[] text) {
        return OtpauthUri.looksLikeUri(text) ? fromOtpauthUri(text) : fromBase32(text);
    }

    static TotpKey fromUri(
            byte[] secret,
            TotpAlgorithm algorithm,
            int digits,
            int periodSeconds,
            String issuer,
            String account) {
        return new TotpKey(secret, algorithm, digits, periodSeconds, issuer, account);
    }

    /** The secret for this package's HMAC; never hand it out. */
    byte[] secret() {
        if (destroyed) {
            throw new IllegalStateException("TotpKey has been destroyed");
        }
        return secret;
    }

    public TotpAlgorithm algorithm() {
        return algorithm;
    }

    public int digits() {
        return digits;
    }

    public int periodSeconds() {
        return periodSeconds;
    }

    /** The issuer from an otpauth URI, or null. */
    public String issuer() {
        return issuer;
    }

    /** The account name from an otpauth URI label, or null. */
    public String account() {
        return account;
    }

    @Override
    public void destroy() {
        Bytes.wipe(secret);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "TotpKey["
                + algorithm
                + ", "
                + digits
                + " digits, "
                + periodSeconds
                + " s, secret redacted]";
    }
}
