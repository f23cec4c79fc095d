package dev.strongroom.client.cert;

import dev.strongroom.crypto.common.Bytes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Strict RFC 7468 PEM armour on {@code char[]} (so private keys never become Strings). Accepted:
 * blocks of {@code -----BEGIN X-----}, standard Base64 lines, {@code -----END X-----} with the same
 * label; blank lines and trailing whitespace anywhere; CRLF or LF. Rejected with the line number:
 * any other text outside blocks, a missing or mismatched END line, legacy encryption headers and
 * characters outside Base64.
 */
public final class Pem {

    private static final String DASHES = "-----";

    private Pem() {}

    /** All blocks in order; at least one, or a {@link PemException}. */
    public static List<PemBlock> decodeAll(char[] text) {
        List<PemBlock> blocks = new ArrayList<>();
        String label = null;
        int beginLine = 0;
        byte[] body = new byte[text.length];
        int bodyLength = 0;
        int lineNumber = 0;
        int pos = 0;
        try {
            while (pos < text.length) {
                int end = pos;
                while (end < text.length && text[end] != '\n') {
                    end++;
                }
                lineNumber++;
                int trimmed = end;
                while (trimmed > pos && isSpace(text[trimmed - 1])) {
                    trimmed--;
                }
                int start = pos;
                pos = end + 1;
                if (trimmed == start) {
                    continue; // blank line
                }
                String marker = markerLabel(text, start, trimmed, "BEGIN ");
                if (label == null) {
                    if (marker == null) {
                        throw new PemException(
                                "unexpected text outside PEM blocks at line " + lineNumber);
                    }
                    label = marker;
                    beginLine = lineNumber;
                    bodyLength = 0;
                    continue;
                }
                String endLabel = markerLabel(text, start, trimmed, "END ");
                if (endLabel != null) {
                    if (!endLabel.equals(label)) {
                        throw new PemException(
                                "PEM END line at line "
                                        + lineNumber
                                        + " does not match BEGIN "
                                        + label);
                    }
                    blocks.add(new PemBlock(label, decodeBody(body, bodyLength, beginLine)));
                    label = null;
                    continue;
                }
                if (marker != null) {
                    throw new PemException(
                            "truncated PEM: BEGIN at line "
                                    + lineNumber
                                    + " inside the block begun at line "
                                    + beginLine);
                }
                for (int i = start; i < trimmed; i++) {
                    char c = text[i];
                    if (c == ':') {
                        throw new PemException(
                                "PEM headers (legacy encrypted keys) are not supported, line "
                                        + lineNumber);
                    }
                    if (!isBase64(c)) {
                        throw new PemException(
                                "invalid character in PEM body at line " + lineNumber);
                    }
                    body[bodyLength++] = (byte) c;
                }
            }
            if (label != null) {
                throw new PemException(
                        "truncated PEM: no END line for " + label + " begun at line " + beginLine);
            }
            if (blocks.isEmpty()) {
                throw new PemException("no PEM block found");
            }
            return blocks;
        } catch (PemException e) {
            blocks.forEach(PemBlock::wipe);
            throw e;
        } finally {
            Bytes.wipe(body);
        }
    }

    /** The single block of the input, which must carry {@code expectedLabel}. */
    public static PemBlock decodeSingle(char[] text, String expectedLabel) {
        List<PemBlock> blocks = decodeAll(text);
        if (blocks.size() != 1 || !blocks.get(0).label().equals(expectedLabel)) {
            String found = blocks.size() == 1 ? blocks.get(0).label() : blocks.size() + " blocks";
            blocks.forEach(PemBlock::wipe);
            throw new PemException("expected one PEM block " + expectedLabel + ", found " + found);
        }
        return blocks.get(0);
    }

    /** Armours {@code der} with {@code label}, Base64 lines of {@code lineLength} chars, LF. */
    public static char[] encode(String label, byte[] der, int lineLength) {
        byte[] base64 = Base64.getEncoder().encode(der);
        String begin = DASHES + "BEGIN " + label + DASHES + "\n";
        String end = DASHES + "END " + label + DASHES + "\n";
        int lines = (base64.length + lineLength - 1) / lineLength;
        char[] out = new char[begin.length() + base64.length + lines + end.length()];
        int o = 0;
        begin.getChars(0, begin.length(), out, o);
        o += begin.length();
        for (int i = 0; i < base64.length; i++) {
            out[o++] = (char) base64[i];
            if ((i + 1) % lineLength == 0 || i == base64.length - 1) {
                out[o++] = '\n';
            }
        }
        end.getChars(0, end.length(), out, o);
        Bytes.wipe(base64);
        return out;
    }

    private static byte[] decodeBody(byte[] body, int length, int beginLine) {
        if (length == 0) {
            throw new PemException("empty PEM block begun at line " + beginLine);
        }
        byte[] exact = java.util.Arrays.copyOf(body, length);
        try {
            return Base64.getDecoder().decode(exact);
        } catch (IllegalArgumentException e) {
            throw new PemException("invalid Base64 in PEM block begun at line " + beginLine);
        } finally {
            Bytes.wipe(exact);
        }
    }

    /** The label if the line is exactly {@code -----<kind>LABEL-----}, else null. */
    private static String markerLabel(char[] text, int start, int end, String kind) {
        String prefix = DASHES + kind;
        int labelStart = start + prefix.length();
        int labelEnd = end - DASHES.length();
        if (labelEnd <= labelStart) {
            return null;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text[start + i] != prefix.charAt(i)) {
                return null;
            }
        }
        for (int i = labelEnd; i < end; i++) {
            if (text[i] != '-') {
                return null;
            }
        }
        for (int i = labelStart; i < labelEnd; i++) {
            char c = text[i];
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ')) {
                return null;
            }
        }
        return new String(text, labelStart, labelEnd - labelStart);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '+'
                || c == '/'
                || c == '=';
    }
}
