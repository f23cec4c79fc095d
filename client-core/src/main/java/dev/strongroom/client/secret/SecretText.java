package dev.strongroom.client.secret;

import dev.strongroom.crypto.common.Bytes;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * A secret text value (password, API key, private key, TOTP secret, environment value) held as a
 * {@code char[]} that we can wipe, instead of an immutable {@link String} that lingers in the heap
 * until the garbage collector reuses it.
 *
 * <p>Ownership: a {@code SecretText} owns its array. {@link #chars()} hands out copies that the
 * caller must wipe ({@link Bytes#wipe(char[])}). After {@link #wipe()} (or {@link #close()}) every
 * content accessor throws {@link IllegalStateException}.
 *
 * <p>Equality compares content in time that depends only on the lengths, never on where the values
 * differ; {@link #hashCode()} depends only on the length, and {@link #toString()} never shows the
 * content or its length.
 *
 * <p>Not thread-safe for concurrent wipe and read.
 */
public final class SecretText implements AutoCloseable, Destroyable {

    private static final SecretText EMPTY_TEMPLATE = new SecretText(new char[0]);

    private final char[] chars;
    private volatile boolean wiped;

    private SecretText(char[] chars) {
        this.chars = chars;
    }

    /** Takes ownership of {@code chars}: the caller must neither keep nor wipe its reference. */
    public static SecretText takeOwnership(char[] chars) {
        if (chars == null) {
            throw new NullPointerException("chars");
        }
        return new SecretText(chars);
    }

    /** A copy of {@code chars}; the caller keeps (and should wipe) its own array. */
    public static SecretText copyOf(char[] chars) {
        return new SecretText(chars.clone());
    }

    /** A copy of {@code length} chars of {@code chars} from {@code offset}. */
    public static SecretText copyOf(char[] chars, int offset, int length) {
        return new SecretText(Arrays.copyOfRange(chars, offset, Math.addExact(offset, length)));
    }

    /** A new, empty secret. */
    public static SecretText empty() {
        return EMPTY_TEMPLATE.copy();
    }

    /**
     * Decodes strict UTF-8 (malformed input is rejected, not replaced) without creating a String.
     * The caller keeps (and should wipe) {@code utf8}.
     */
    public static SecretText fromUtf8(byte[] utf8) {
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        char[] out = new char[utf8.length];
        CharBuffer target = CharBuffer.wrap(out);
        var result = decoder.decode(ByteBuffer.wrap(utf8), target, true);
        if (result.isError()) {
            Bytes.wipe(out);
            throw new IllegalArgumentException("secret is not valid UTF-8");
        }
        decoder.flush(target);
        char[] exact = Arrays.copyOf(out, target.position());
        Bytes.wipe(out);
        return new SecretText(exact);
    }

    /** A copy of the content; the caller owns it and must wipe it when done. */
    public char[] chars() {
        return view().clone();
    }

    /** The content as UTF-8 bytes; the caller owns them and must wipe them when done. */
    public byte[] toUtf8() {
        CharsetEncoder encoder =
                StandardCharsets.UTF_8
                        .newEncoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer;
        try {
            buffer = encoder.encode(CharBuffer.wrap(view()));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("secret contains an unpaired surrogate");
        }
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        if (buffer.hasArray()) {
            Bytes.wipe(buffer.array());
        }
        return out;
    }

    /** An independent copy that must be wiped separately. */
    public SecretText copy() {
        return new SecretText(view().clone());
    }

    public int length() {
        return view().length;
    }

    public boolean isEmpty() {
        return view().length == 0;
    }

    /** Overwrites the content with zeros; later content access throws. Idempotent. */
    public void wipe() {
        Bytes.wipe(chars);
        wiped = true;
    }

    public boolean isWiped() {
        return wiped;
    }

    @Override
    public void destroy() {
        wipe();
    }

    @Override
    public boolean isDestroyed() {
        return wiped;
    }

    @Override
    public void close() {
        wipe();
    }

    /** The owned array, for this package's serialisers only; never hand it out. */
    char[] view() {
        if (wiped) {
            throw new IllegalStateException("SecretText has been wiped");
        }
        return chars;
    }

    /**
     * Content equality in time independent of where the values differ (it does depend on the
     * lengths). A wiped secret equals only itself.
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SecretText) || wiped || ((SecretText) other).wiped) {
            return false;
        }
        return constantTimeEquals(chars, ((SecretText) other).chars);
    }

    /** Constant-time comparison of two char arrays (time depends only on the lengths). */
    public static boolean constantTimeEquals(char[] a, char[] b) {
        if (a == null || b == null) {
            return false;
        }
        int diff = a.length ^ b.length;
        int n = Math.max(a.length, b.length);
        for (int i = 0; i < n; i++) {
            char x = i < a.length ? a[i] : 0;
            char y = i < b.length ? b[i] : 0;
            diff |= x ^ y;
        }
        return diff == 0;
    }

    /** Depends only on the length, so hashing leaks nothing beyond what equals already does. */
    @Override
    public int hashCode() {
        return wiped ? 0 : chars.length;
    }

    @Override
    public String toString() {
        return "SecretText[redacted]";
    }
}
