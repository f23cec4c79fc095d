package dev.strongroom.client.automation;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A reference to one secret value: {@code sr://<team>/<vault>/<item>/<field>}. Each segment names
 * its object by name or by id. A name containing {@code /}, {@code %}, a space or any character
 * outside printable ASCII is written percent-encoded (UTF-8, RFC 3986 style: {@code %2F}, {@code
 * %20}, {@code %25}); {@link #toString()} produces that canonical form and {@link #parse} accepts
 * nothing looser: no empty segment, no stray {@code %}, no control character, exactly four
 * segments.
 */
public record SecretReference(String team, String vault, String item, String field) {

    public static final String SCHEME = "sr://";

    /** References longer than this are refused before parsing. */
    static final int MAX_LENGTH = 2048;

    public SecretReference {
        for (String s : new String[] {team, vault, item, field}) {
            if (s == null || s.isEmpty()) {
                throw new AutomationInputException("a secret reference has an empty segment");
            }
        }
    }

    /** Parses the canonical form; the message of a refusal says which part is wrong. */
    public static SecretReference parse(String text) {
        if (text == null || !text.startsWith(SCHEME)) {
            throw new AutomationInputException(
                    "a secret reference starts with sr:// (sr://team/vault/item/field)");
        }
        if (text.length() > MAX_LENGTH) {
            throw new AutomationInputException("a secret reference is longer than " + MAX_LENGTH);
        }
        String[] parts = text.substring(SCHEME.length()).split("/", -1);
        if (parts.length != 4) {
            throw new AutomationInputException(
                    "a secret reference has 4 segments (sr://team/vault/item/field), this one has "
                            + parts.length
                            + " (write / inside a name as %2F)");
        }
        String[] names = {"team", "vault", "item", "field"};
        List<String> decoded = new ArrayList<>(4);
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty()) {
                throw new AutomationInputException(
                        "the " + names[i] + " segment of a secret reference is empty");
            }
            decoded.add(decode(parts[i], names[i]));
        }
        return new SecretReference(decoded.get(0), decoded.get(1), decoded.get(2), decoded.get(3));
    }

    @Override
    public String toString() {
        return SCHEME
                + encode(team)
                + "/"
                + encode(vault)
                + "/"
                + encode(item)
                + "/"
                + encode(field);
    }

    /** Percent-encodes everything but unreserved ASCII, so the result parses back to {@code s}. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String decode(String segment, String name) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                int hi = i + 1 < segment.length() ? Character.digit(segment.charAt(i + 1), 16) : -1;
                int lo = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new AutomationInputException(
                            "the " + name + " segment has a % not followed by two hex digits");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c <= 0x20 || c >= 0x7f || c == '{' || c == '}') {
                throw new AutomationInputException(
                        "the "
                                + name
                                + " segment has a space, brace or non-ASCII character; percent-encode it");
            } else {
                bytes.write(c);
            }
        }
        try {
            String s =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes.toByteArray()))
                            .toString();
            if (s.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
                throw new AutomationInputException(
                        "the " + name + " segment encodes a control character");
            }
            return s;
        } catch (CharacterCodingException e) {
            throw new AutomationInputException(
                    "the " + name + " segment's percent-escapes are not valid UTF-8");
        }
    }
}
