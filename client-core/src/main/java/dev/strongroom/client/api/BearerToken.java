package dev.strongroom.client.api;

import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.MachineTokens;
import java.nio.charset.StandardCharsets;

/**
 * A session token for {@code Authorization: Bearer}: 32 random bytes in base64url (43 characters),
 * as the server hands it out once at login. It is a credential: {@link #toString()} never shows it.
 *
 * <p>The token arrives from the wire as a {@link String} and must be sent as one in a header, so it
 * cannot be wiped from memory the way keys are; {@link #forget()} drops this object's reference.
 */
public final class BearerToken {

    private static final int TEXT_LENGTH = 43;
    private final String scheme;
    private volatile String value;

    private BearerToken(String value) {
        this("Bearer", value);
    }

    private BearerToken(String scheme, String value) {
        this.scheme = scheme;
        this.value = value;
    }

    /**
     * A machine account's credential, sent as {@code Authorization: Machine <id>.<secret>} ({@link
     * MachineTokens}) by the same calls that take a session token.
     */
    public static BearerToken machine(java.util.UUID machineId, byte[] secret) {
        if (secret.length != MachineTokens.SECRET_BYTES) {
            throw new IllegalArgumentException("a machine secret is 32 bytes");
        }
        String header = MachineTokens.header(machineId, secret);
        return new BearerToken(
                MachineTokens.SCHEME, header.substring(MachineTokens.SCHEME.length() + 1));
    }

    /**
     * Checks a token received from the server: exactly 43 base64url characters decoding to 32
     * bytes, so nothing odd can reach a request header.
     *
     * @throws IllegalArgumentException if it is not such a token
     */
    public static BearerToken of(String token) {
        if (token == null || token.length() != TEXT_LENGTH) {
            throw new IllegalArgumentException("session token is not a 43-character token");
        }
        try {
            if (Base64Url.decode(token).length != 32) {
                throw new IllegalArgumentException("session token is not 32 bytes");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("session token is not base64url");
        }
        return new BearerToken(token);
    }

    /** The header value; fails after {@link #forget()}. */
    String headerValue() {
        String v = value;
        if (v == null) {
            throw new IllegalStateException("session token was discarded (session locked)");
        }
        return scheme + " " + v;
    }

    /**
     * The raw token, for a front end that must hand it to a local agent process. Treat it like a
     * password.
     */
    public String reveal() {
        String v = value;
        if (v == null) {
            throw new IllegalStateException("session token was discarded (session locked)");
        }
        return v;
    }

    /** Drops the reference to the token; further use fails. */
    public void forget() {
        value = null;
    }

    public boolean isForgotten() {
        return value == null;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BearerToken other)) {
            return false;
        }
        String a = value;
        String b = other.value;
        return a != null
                && b != null
                && ConstantTime.equals(
                        a.getBytes(StandardCharsets.US_ASCII),
                        b.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return 1;
    }

    @Override
    public String toString() {
        return "BearerToken[redacted]";
    }
}
