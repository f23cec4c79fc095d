package dev.strongroom.crypto.envelope;

import dev.strongroom.crypto.aead.Aead;
import dev.strongroom.crypto.aead.AeadAlgorithm;
import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.api.MalformedInputException;
import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.api.UnsupportedFormatException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.SymmetricKey;
import java.util.Arrays;
import java.util.Objects;

/**
 * A parsed but not yet authenticated envelope (see {@link Envelope} for the format).
 *
 * <p>Everything readable before {@link #open} is "alleged": it comes from bytes an attacker may
 * have written, and is only good for choosing which key to try. {@link #open} authenticates the
 * header, nonce, ciphertext and the caller's context together, and only then returns plaintext.
 * Parsing refuses unknown versions and algorithms outright: there is no fallback format.
 */
public final class UnverifiedEnvelope {

    private static final String SUPPORTED_VERSIONS = Integer.toString(Envelope.VERSION);

    private final byte[] bytes;
    private final AeadAlgorithm algorithm;
    private final int keyVersion;

    private UnverifiedEnvelope(byte[] bytes, AeadAlgorithm algorithm, int keyVersion) {
        this.bytes = bytes;
        this.algorithm = algorithm;
        this.keyVersion = keyVersion;
    }

    /**
     * Checks the envelope's structure (no cryptography yet) and keeps a copy of {@code bytes}.
     *
     * @throws UnsupportedFormatException if the version or algorithm byte is not one this build
     *     supports; the exception names what was found and what is supported
     * @throws MalformedInputException if the envelope is truncated or the key version is out of
     *     range
     */
    public static UnverifiedEnvelope parse(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length <= EnvelopeFormat.VERSION_OFFSET) {
            throw new MalformedInputException("Envelope is empty");
        }
        int version = bytes[EnvelopeFormat.VERSION_OFFSET] & 0xff;
        if (version != Envelope.VERSION) {
            throw new UnsupportedFormatException(
                    "envelope version", Integer.toString(version), SUPPORTED_VERSIONS);
        }
        if (bytes.length <= EnvelopeFormat.ALGORITHM_OFFSET) {
            throw new MalformedInputException("Envelope is truncated before its algorithm byte");
        }
        AeadAlgorithm algorithm =
                EnvelopeFormat.algorithmOf(bytes[EnvelopeFormat.ALGORITHM_OFFSET] & 0xff);
        int minimum =
                EnvelopeFormat.HEADER_LENGTH + algorithm.nonceLength() + algorithm.tagLength();
        if (bytes.length < minimum) {
            throw new MalformedInputException(
                    "Envelope is "
                            + bytes.length
                            + " bytes; a "
                            + algorithm
                            + " envelope needs at least "
                            + minimum);
        }
        int keyVersion = Bytes.readInt32(bytes, EnvelopeFormat.KEY_VERSION_OFFSET);
        if (keyVersion < 0) {
            // Envelope.seal never writes a key version above 2^31-1.
            throw new MalformedInputException("Envelope key version is out of range");
        }
        return new UnverifiedEnvelope(bytes.clone(), algorithm, keyVersion);
    }

    /** The format version the bytes claim (always {@link Envelope#VERSION} after parsing). */
    public int allegedVersion() {
        return bytes[EnvelopeFormat.VERSION_OFFSET] & 0xff;
    }

    /** The algorithm the bytes claim; authenticated only by {@link #open}. */
    public AeadAlgorithm allegedAlgorithm() {
        return algorithm;
    }

    /** The key version the bytes claim; use it to pick the key, then {@link #open} proves it. */
    public int allegedKeyVersion() {
        return keyVersion;
    }

    /**
     * Authenticates the envelope under {@code key} and {@code context} and returns the plaintext.
     *
     * @param context the same context bytes the sealer used
     * @throws AuthenticationFailedException if the key or context differ, or any byte of the
     *     envelope was altered
     * @throws ParameterRejectedException if {@code key} has the wrong length for the algorithm
     */
    public byte[] open(SymmetricKey key, byte[] context) {
        Objects.requireNonNull(context, "context");
        int nonceEnd = EnvelopeFormat.HEADER_LENGTH + algorithm.nonceLength();
        byte[] nonce = Arrays.copyOfRange(bytes, EnvelopeFormat.HEADER_LENGTH, nonceEnd);
        byte[] sealed = Arrays.copyOfRange(bytes, nonceEnd, bytes.length);
        byte[] aad = EnvelopeFormat.associatedData(bytes, context);
        return Aead.open(algorithm, key, nonce, sealed, aad);
    }

    /** Shows the alleged header and the size, never the nonce or ciphertext bytes. */
    @Override
    public String toString() {
        return "UnverifiedEnvelope[version="
                + allegedVersion()
                + ", algorithm="
                + algorithm
                + ", keyVersion="
                + keyVersion
                + ", "
                + bytes.length
                + " bytes, unauthenticated]";
    }
}
