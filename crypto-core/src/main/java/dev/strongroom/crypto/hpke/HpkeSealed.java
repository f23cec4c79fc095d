package dev.strongroom.crypto.hpke;

import dev.strongroom.crypto.api.MalformedInputException;
import dev.strongroom.crypto.common.Bytes;
import java.util.Arrays;

/**
 * One HPKE message: the encapsulated ephemeral public key and the AEAD ciphertext (with its 16-byte
 * tag). The wire form is {@code enc (32 bytes) || ciphertext}; it carries no version or algorithm
 * byte, because the suite is fixed and the enclosing envelope is versioned.
 *
 * @param enc the 32-byte encapsulated key (copied in and out)
 * @param ciphertext AEAD ciphertext including the tag, at least 16 bytes (copied in and out)
 */
public record HpkeSealed(byte[] enc, byte[] ciphertext) {

    /** Length of {@link #enc()}. */
    public static final int ENC_LENGTH = DhKem.ENC_LENGTH;

    /** Length of the shortest message: enc plus the tag of an empty plaintext. */
    public static final int MIN_LENGTH = ENC_LENGTH + HpkeSuite.TAG_LENGTH;

    /**
     * @throws MalformedInputException if {@code enc} is not 32 bytes or {@code ciphertext} is
     *     shorter than a tag
     */
    public HpkeSealed {
        if (enc == null || enc.length != ENC_LENGTH) {
            throw new MalformedInputException("HPKE enc must be " + ENC_LENGTH + " bytes");
        }
        if (ciphertext == null || ciphertext.length < HpkeSuite.TAG_LENGTH) {
            throw new MalformedInputException(
                    "HPKE ciphertext must be at least " + HpkeSuite.TAG_LENGTH + " bytes");
        }
        enc = enc.clone();
        ciphertext = ciphertext.clone();
    }

    /** Parses the wire form {@code enc || ciphertext}. */
    public static HpkeSealed fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length < MIN_LENGTH) {
            throw new MalformedInputException(
                    "HPKE message must be at least " + MIN_LENGTH + " bytes");
        }
        return new HpkeSealed(
                Arrays.copyOfRange(bytes, 0, ENC_LENGTH),
                Arrays.copyOfRange(bytes, ENC_LENGTH, bytes.length));
    }

    /** The wire form {@code enc || ciphertext}. */
    public byte[] toBytes() {
        return Bytes.concat(enc, ciphertext);
    }

    @Override
    public byte[] enc() {
        return enc.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HpkeSealed that
                && Arrays.equals(enc, that.enc)
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(enc) + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "HpkeSealed[" + (ENC_LENGTH + ciphertext.length) + " bytes]";
    }
}
