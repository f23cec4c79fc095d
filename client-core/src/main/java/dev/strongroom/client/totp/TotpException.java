package dev.strongroom.client.totp;

/**
 * A TOTP secret, otpauth:// URI or parameter was rejected. Messages name the rule that failed (and
 * at most a position), never the secret.
 */
public final class TotpException extends IllegalArgumentException {

    public TotpException(String message) {
        super(message);
    }
}
