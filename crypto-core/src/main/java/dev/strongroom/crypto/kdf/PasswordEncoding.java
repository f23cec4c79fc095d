package dev.strongroom.crypto.kdf;

import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.common.Bytes;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * Turns a password into the exact bytes every KDF sees: Unicode NFKC normalisation, then UTF-8.
 *
 * <p>NFKC makes the same password typed on different keyboards or platforms derive the same key
 * ("Å" as one code point or as "A" plus a combining ring, the "ﬁ" ligature or "fi").
 *
 * <p><b>Memory hygiene trade-off.</b> The result is written into a byte array sized and owned here,
 * so no hidden, unwipeable copy is left by the encoder. An all-ASCII password is already in NFKC
 * and takes this path with no {@link String} at all. For any other password the JDK is unavoidable:
 * {@link Normalizer} only works on Strings, and on JDK 17 both {@code Normalizer.normalize} and
 * {@code Normalizer.isNormalized} call {@code toString()} on their {@link CharSequence} argument
 * (checked with javap), so an immutable copy of the password stays on the heap until it is
 * garbage-collected. Checking {@code isNormalized} first would not avoid that copy (it would add a
 * second one), so non-ASCII passwords are normalised directly.
 */
public final class PasswordEncoding {

    private PasswordEncoding() {}

    /**
     * NFKC-normalises {@code password} and encodes it as UTF-8.
     *
     * <p>The caller keeps ownership of {@code password} (it is not modified) and owns the returned
     * array, which it must wipe with {@link Bytes#wipe(byte[])} after use.
     *
     * @throws ParameterRejectedException if the password is null or empty, or is not valid UTF-16
     *     (an unpaired surrogate); the message never contains the password
     */
    public static byte[] nfkcUtf8(char[] password) {
        if (password == null || password.length == 0) {
            throw new ParameterRejectedException("password must not be empty");
        }
        byte[] encoded;
        if (isAscii(password)) {
            encoded = utf8(CharBuffer.wrap(password));
        } else {
            // Unavoidable immutable copy: see the class javadoc.
            String normalized =
                    Normalizer.normalize(CharBuffer.wrap(password), Normalizer.Form.NFKC);
            encoded = utf8(CharBuffer.wrap(normalized));
        }
        if (encoded.length == 0) {
            throw new ParameterRejectedException("password must not be empty after NFKC");
        }
        return encoded;
    }

    private static boolean isAscii(char[] chars) {
        for (char c : chars) {
            if (c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 into a buffer we allocate up front (3 bytes per UTF-16 unit is the maximum). */
    private static byte[] utf8(CharBuffer in) {
        CharsetEncoder encoder =
                StandardCharsets.UTF_8
                        .newEncoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] buffer = new byte[Math.multiplyExact(in.remaining(), 3)];
        try {
            ByteBuffer out = ByteBuffer.wrap(buffer);
            CoderResult result = encoder.encode(in, out, true);
            if (!result.isUnderflow()) {
                // No index in the message: even a position says something about the password.
                throw new ParameterRejectedException(
                        "password is not valid Unicode (it contains an unpaired surrogate)");
            }
            result = encoder.flush(out);
            if (!result.isUnderflow()) {
                throw new ParameterRejectedException("password could not be encoded as UTF-8");
            }
            return Arrays.copyOf(buffer, out.position());
        } finally {
            Bytes.wipe(buffer);
        }
    }
}
