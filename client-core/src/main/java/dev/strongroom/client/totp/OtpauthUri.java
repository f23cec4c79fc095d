package dev.strongroom.client.totp;

import dev.strongroom.crypto.common.Bytes;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Parser for the otpauth Key URI format: {@code otpauth://totp/[issuer:]account?secret=BASE32
 * [&issuer=..][&algorithm=SHA1|SHA256|SHA512][&digits=6|7|8][&period=N]}. HOTP URIs, a missing
 * secret, repeated parameters, fragments and bad percent-escapes are rejected. Parameters we do not
 * use (for example {@code image}) are ignored, because authenticator apps add their own. The secret
 * is percent-decoded into a char[] and never becomes a String.
 */
final class OtpauthUri {

    private static final char[] PREFIX = "otpauth://".toCharArray();
    private static final char[] TOTP = "totp/".toCharArray();
    private static final char[] HOTP = "hotp/".toCharArray();

    private OtpauthUri() {}

    static boolean looksLikeUri(char[] text) {
        return regionMatchesIgnoreCase(text, 0, "otpauth:".toCharArray());
    }

    static TotpKey parse(char[] uri) {
        if (!regionMatchesIgnoreCase(uri, 0, PREFIX)) {
            throw new TotpException("not an otpauth:// URI");
        }
        int pos = PREFIX.length;
        if (regionMatchesIgnoreCase(uri, pos, HOTP)) {
            throw new TotpException("otpauth URI is HOTP (counter-based); only TOTP is supported");
        }
        if (!regionMatchesIgnoreCase(uri, pos, TOTP)) {
            throw new TotpException("otpauth URI must start with otpauth://totp/");
        }
        pos += TOTP.length;
        for (char c : uri) {
            if (c == '#') {
                throw new TotpException("otpauth URI must not have a fragment (#)");
            }
            if (c <= ' ' || c == 0x7f) {
                throw new TotpException(
                        "otpauth URI must not contain spaces or control characters");
            }
        }
        int query = indexOf(uri, '?', pos);
        if (query < 0) {
            throw new TotpException(
                    "otpauth URI has no parameters; the secret parameter is required");
        }
        String label = decodeToString(uri, pos, query, "label");
        String labelIssuer = null;
        String account = label.isEmpty() ? null : label;
        int colon = label.indexOf(':');
        if (colon >= 0) {
            labelIssuer = label.substring(0, colon).trim();
            account = label.substring(colon + 1).trim();
        }

        char[] secret = null;
        String issuer = null;
        TotpAlgorithm algorithm = TotpAlgorithm.SHA1;
        int digits = TotpKey.DEFAULT_DIGITS;
        int period = TotpKey.DEFAULT_PERIOD_SECONDS;
        Set<String> seen = new HashSet<>();
        try {
            int start = query + 1;
            while (start <= uri.length) {
                int end = indexOf(uri, '&', start);
                if (end < 0) {
                    end = uri.length;
                }
                int eq = indexOf(uri, '=', start);
                if (eq < 0 || eq > end) {
                    throw new TotpException("otpauth URI parameter without '=' value");
                }
                String name = new String(uri, start, eq - start);
                if (!seen.add(name)) {
                    throw new TotpException("otpauth URI repeats the parameter " + safeName(name));
                }
                switch (name) {
                    case "secret":
                        secret = percentDecode(uri, eq + 1, end, "secret");
                        break;
                    case "issuer":
                        issuer = decodeToString(uri, eq + 1, end, "issuer");
                        break;
                    case "algorithm":
                        algorithm =
                                TotpAlgorithm.fromUriName(
                                        decodeToString(uri, eq + 1, end, "algorithm"));
                        break;
                    case "digits":
                        digits = parseSmallInt(uri, eq + 1, end, "digits");
                        break;
                    case "period":
                        period = parseSmallInt(uri, eq + 1, end, "period");
                        break;
                    default:
                        break; // unused parameters (image, color, ...) are ignored
                }
                start = end + 1;
            }
            if (secret == null || secret.length == 0) {
                throw new TotpException("otpauth URI has no secret parameter");
            }
            TotpKey base32 = TotpKey.fromBase32(secret);
            byte[] bytes = base32.secret().clone();
            base32.close();
            return TotpKey.fromUri(
                    bytes,
                    algorithm,
                    digits,
                    period,
                    issuer != null ? issuer : labelIssuer,
                    account);
        } finally {
            Bytes.wipe(secret);
        }
    }

    private static String safeName(String name) {
        return name.matches("[a-zA-Z]{1,20}") ? name : "(unnamed)";
    }

    private static int parseSmallInt(char[] uri, int from, int to, String what) {
        if (to - from < 1 || to - from > 4) {
            throw new TotpException("otpauth " + what + " must be a small positive integer");
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = uri[i];
            if (c < '0' || c > '9') {
                throw new TotpException("otpauth " + what + " must be a small positive integer");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String decodeToString(char[] uri, int from, int to, String what) {
        char[] chars = percentDecode(uri, from, to, what);
        return new String(chars);
    }

    /** Percent-decodes UTF-8 into a fresh char[] (the secret path never makes a String). */
    private static char[] percentDecode(char[] uri, int from, int to, String what) {
        byte[] raw = new byte[to - from];
        int n = 0;
        try {
            for (int i = from; i < to; i++) {
                char c = uri[i];
                if (c == '%') {
                    if (i + 2 >= to) {
                        throw new TotpException("otpauth " + what + " has a truncated %-escape");
                    }
                    int hi = Character.digit(uri[i + 1], 16);
                    int lo = Character.digit(uri[i + 2], 16);
                    if (hi < 0 || lo < 0) {
                        throw new TotpException("otpauth " + what + " has an invalid %-escape");
                    }
                    raw[n++] = (byte) ((hi << 4) | lo);
                    i += 2;
                } else if (c > 0x7e) {
                    throw new TotpException("otpauth " + what + " has a non-ASCII character");
                } else {
                    raw[n++] = (byte) c;
                }
            }
            CharsetDecoder decoder =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT);
            char[] buffer = new char[n];
            CharBuffer target = CharBuffer.wrap(buffer);
            if (decoder.decode(ByteBuffer.wrap(raw, 0, n), target, true).isError()) {
                Bytes.wipe(buffer);
                throw new TotpException("otpauth " + what + " is not valid UTF-8");
            }
            char[] out = Arrays.copyOf(buffer, target.position());
            Bytes.wipe(buffer);
            return out;
        } finally {
            Bytes.wipe(raw);
        }
    }

    private static int indexOf(char[] text, char c, int from) {
        for (int i = from; i < text.length; i++) {
            if (text[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean regionMatchesIgnoreCase(char[] text, int offset, char[] prefix) {
        if (text.length - offset < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (Character.toLowerCase(text[offset + i]) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
