package dev.strongroom.client.api;

import dev.strongroom.crypto.common.ConstantTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The SHA-256 fingerprint of a server's TLS certificate (the DER encoding of the leaf), pinned so a
 * self-signed server can be used safely: with a pin, the certificate presented must be exactly this
 * one and no certificate authority is consulted. {@code strongroom-server tls-selfsigned} prints it
 * in the form {@link #toString()} produces.
 */
public final class TlsPin {

    public static final int LENGTH = 32;

    private final byte[] sha256;

    private TlsPin(byte[] sha256) {
        this.sha256 = sha256;
    }

    /** A pin from the 32 raw digest bytes. */
    public static TlsPin of(byte[] sha256) {
        if (sha256 == null || sha256.length != LENGTH) {
            throw new IllegalArgumentException("a TLS pin is a 32-byte SHA-256 digest");
        }
        return new TlsPin(sha256.clone());
    }

    /**
     * Parses 64 hexadecimal digits, optionally separated by colons ({@code AB:CD:…}) and optionally
     * prefixed by {@code sha256:}; case-insensitive.
     *
     * @throws IllegalArgumentException if the text is not such a fingerprint
     */
    public static TlsPin parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("TLS pin is missing");
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("sha256:")) {
            t = t.substring("sha256:".length());
        }
        boolean colons = t.indexOf(':') >= 0;
        if (colons && (t.length() != LENGTH * 3 - 1 || !separatedEvery2(t))) {
            throw new IllegalArgumentException(
                    "TLS pin must be 32 hex bytes, e.g. AB:CD:… or 64 hex digits");
        }
        String hex = t.replace(":", "");
        if (hex.length() != LENGTH * 2 || !hex.chars().allMatch(TlsPin::isHexDigit)) {
            throw new IllegalArgumentException(
                    "TLS pin must be 32 hex bytes, e.g. AB:CD:… or 64 hex digits");
        }
        return new TlsPin(HexFormat.of().parseHex(hex));
    }

    private static boolean separatedEvery2(String t) {
        for (int i = 2; i < t.length(); i += 3) {
            if (t.charAt(i) != ':') {
                return false;
            }
        }
        return true;
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    /** A copy of the digest. */
    public byte[] sha256() {
        return sha256.clone();
    }

    /** Constant-time comparison with a certificate's digest. */
    public boolean matches(byte[] certificateSha256) {
        return ConstantTime.equals(sha256, certificateSha256);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlsPin other && ConstantTime.equals(sha256, other.sha256);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sha256);
    }

    /** Upper-case colon-separated hex, the form the server's {@code tls-selfsigned} prints. */
    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha256);
    }
}
