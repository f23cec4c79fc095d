package dev.strongroom.crypto.slip39;

import dev.strongroom.crypto.api.InvalidShareException;
import dev.strongroom.crypto.common.SecretBytes;
import java.nio.CharBuffer;
import javax.security.auth.Destroyable;

/**
 * One SLIP-0039 share: the public parameters that say which split, group and member it belongs to,
 * and the secret share value. Close it (try-with-resources) to wipe the value; {@link #toString()}
 * never shows it.
 *
 * <p>Indices ({@link #groupIndex()}, {@link #memberIndex()}) are the 0-based x coordinates of the
 * specification. Thresholds and counts are the real numbers (1..16), not the "minus one" values the
 * mnemonic stores.
 *
 * <p>Two external forms:
 *
 * <ul>
 *   <li>{@link #toMnemonic()} / {@link #fromMnemonic(String)}: the SLIP-0039 words, compatible with
 *       other SLIP-39 implementations (paper shares).
 *   <li>{@link #toBytes()} / {@link #fromBytes(byte[])}: a compact binary form for sealing a share
 *       to an approver (see {@link #toBytes()} for the exact layout).
 * </ul>
 */
public final class Slip39Share implements Destroyable, AutoCloseable {

    private final int identifier;
    private final boolean extendable;
    private final int iterationExponent;
    private final int groupIndex;
    private final int groupThreshold;
    private final int groupCount;
    private final int memberIndex;
    private final int memberThreshold;
    private final ShareValue value;

    /** Takes ownership of {@code value}. Range checks are the codec's and the splitter's job. */
    Slip39Share(
            int identifier,
            boolean extendable,
            int iterationExponent,
            int groupIndex,
            int groupThreshold,
            int groupCount,
            int memberIndex,
            int memberThreshold,
            byte[] value) {
        this.identifier = identifier;
        this.extendable = extendable;
        this.iterationExponent = iterationExponent;
        this.groupIndex = groupIndex;
        this.groupThreshold = groupThreshold;
        this.groupCount = groupCount;
        this.memberIndex = memberIndex;
        this.memberThreshold = memberThreshold;
        this.value = new ShareValue(value);
    }

    /**
     * Parses a mnemonic: words separated by whitespace, ASCII case ignored.
     *
     * @throws InvalidShareException naming the problem (unknown word and its position, wrong
     *     length, checksum mismatch, bad padding); the message never repeats the words
     */
    public static Slip39Share fromMnemonic(String words) {
        return ShareCodec.fromWords(ShareCodec.parseWords(words));
    }

    /**
     * As {@link #fromMnemonic(String)}, for a mnemonic held in a char[] so no String of it is made.
     * The caller keeps (and wipes) its array.
     */
    public static Slip39Share fromMnemonic(char[] words) {
        return ShareCodec.fromWords(ShareCodec.parseWords(CharBuffer.wrap(words)));
    }

    /**
     * The share as SLIP-0039 words separated by single spaces. This is the one place where a share
     * value becomes a String, which cannot be wiped: prefer {@link #toMnemonicChars()} and call
     * this only to show or print the words.
     */
    public String toMnemonic() {
        return new String(toMnemonicChars());
    }

    /** The share as SLIP-0039 words separated by single spaces; the caller wipes the array. */
    public char[] toMnemonicChars() {
        return ShareCodec.render(ShareCodec.toWords(this));
    }

    /**
     * The compact binary form, version 1, for sealing a share to an approver: {@code 6 + n} bytes
     * for an n-byte share value.
     *
     * <pre>
     * offset 0      0x01, the format version
     * offset 1..5   the 40 SLIP-0039 parameter bits, big-endian, exactly as in the mnemonic:
     *               identifier (15) | extendable (1) | iteration exponent (4) | group index (4) |
     *               group threshold - 1 (4) | group count - 1 (4) | member index (4) |
     *               member threshold - 1 (4)
     * offset 6..    the share value, n bytes (n even, 16 <= n <= 256), without padding
     * </pre>
     *
     * There is no checksum: it exists for human transcription, and the sealing AEAD authenticates
     * these bytes. The caller wipes the array.
     */
    public byte[] toBytes() {
        return ShareCodec.toBytes(this);
    }

    /**
     * Parses the binary form of {@link #toBytes()}; the caller keeps (and wipes) its array.
     *
     * @throws dev.strongroom.crypto.api.UnsupportedFormatException for an unknown version byte
     * @throws InvalidShareException for a wrong length or inconsistent parameters
     */
    public static Slip39Share fromBytes(byte[] bytes) {
        return ShareCodec.fromBytes(bytes);
    }

    /** The 15-bit random identifier shared by all shares of one split. */
    public int identifier() {
        return identifier;
    }

    /** The extendable flag: if set, the identifier is not part of the passphrase encryption. */
    public boolean extendable() {
        return extendable;
    }

    /** e, where the passphrase encryption runs PBKDF2 for 10000 * 2^e iterations in total. */
    public int iterationExponent() {
        return iterationExponent;
    }

    /** The 0-based index (x coordinate) of this share's group. */
    public int groupIndex() {
        return groupIndex;
    }

    /** How many groups are needed to recover the master secret (1..16). */
    public int groupThreshold() {
        return groupThreshold;
    }

    /** How many groups the split has (1..16). */
    public int groupCount() {
        return groupCount;
    }

    /** The 0-based index (x coordinate) of this share within its group. */
    public int memberIndex() {
        return memberIndex;
    }

    /** How many member shares of this group are needed to recover the group share (1..16). */
    public int memberThreshold() {
        return memberThreshold;
    }

    /** The live share value, for this package only. */
    byte[] value() {
        return value.bytes();
    }

    int valueLength() {
        return value.length();
    }

    @Override
    public void destroy() {
        value.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return value.isDestroyed();
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "Slip39Share[group "
                + (groupIndex + 1)
                + " of "
                + groupCount
                + " (threshold "
                + groupThreshold
                + "), member "
                + (memberIndex + 1)
                + " (threshold "
                + memberThreshold
                + "), value redacted]";
    }

    private static final class ShareValue extends SecretBytes {
        ShareValue(byte[] bytes) {
            super(bytes);
        }

        byte[] bytes() {
            return view();
        }
    }
}
