package dev.strongroom.client.adversary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Searches byte haystacks (database files, log text, HTTP bodies) for secrets in every encoding a
 * careless server or client might use: raw bytes, hex (both cases), and base64 and base64url at
 * each of the three alignments a value can have inside a longer base64 string. Bytes are compared
 * as ISO-8859-1 text, so {@link String#indexOf} does the work.
 */
final class LeakSearch {

    /** One hit: which secret, in which form, where. */
    record Leak(String secret, String form, String where) {
        @Override
        public String toString() {
            return secret + " (" + form + ") in " + where;
        }
    }

    private record Needle(String secret, String form, String text) {}

    private final List<Needle> needles = new ArrayList<>();
    private final Map<String, Boolean> secrets = new LinkedHashMap<>();

    /** A key or other binary secret. */
    LeakSearch bytes(String name, byte[] secret) {
        if (secret.length < 8) {
            throw new IllegalArgumentException(name + " is too short to search for reliably");
        }
        if (secrets.put(name, true) != null) {
            return this; // the same key seen by another device
        }
        add(name, "raw", latin1(secret));
        add(name, "hex", HexFormat.of().formatHex(secret));
        add(name, "HEX", HexFormat.of().withUpperCase().formatHex(secret));
        for (int align = 0; align < 3; align++) {
            add(name, "base64+" + align, base64(Base64.getEncoder(), secret, align));
            add(name, "base64url+" + align, base64(Base64.getUrlEncoder(), secret, align));
        }
        return this;
    }

    /** A plaintext string (a canary, a password): its UTF-8 bytes in every form. */
    LeakSearch text(String name, String secret) {
        return bytes(name, secret.getBytes(StandardCharsets.UTF_8));
    }

    int secretCount() {
        return secrets.size();
    }

    List<Leak> search(String where, byte[] haystack) {
        String hay = latin1(haystack);
        List<Leak> out = new ArrayList<>();
        for (Needle n : needles) {
            if (hay.contains(n.text())) {
                out.add(new Leak(n.secret(), n.form(), where));
            }
        }
        return out;
    }

    private void add(String name, String form, String text) {
        needles.add(new Needle(name, form, text));
    }

    /**
     * The characters of {@code secret}'s base64 that do not depend on its neighbours when it sits
     * {@code align} bytes past a 3-byte boundary: the first group (mixed with the bytes before) and
     * the last (mixed with the bytes after) are left out.
     */
    static String base64(Base64.Encoder encoder, byte[] secret, int align) {
        byte[] shifted = new byte[align + secret.length];
        System.arraycopy(secret, 0, shifted, align, secret.length);
        String enc = encoder.withoutPadding().encodeToString(shifted);
        return enc.substring(align == 0 ? 0 : 4, enc.length() - 4);
    }

    static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
