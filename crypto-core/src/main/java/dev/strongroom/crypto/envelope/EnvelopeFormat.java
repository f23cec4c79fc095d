package dev.strongroom.crypto.envelope;

import dev.strongroom.crypto.aead.AeadAlgorithm;
import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.api.UnsupportedFormatException;
import dev.strongroom.crypto.common.Bytes;

/**
 * Layout of envelope format v1 (see {@link Envelope}): the header fields, their offsets, and the
 * one-byte algorithm identifiers. Kept in one place so sealing and parsing cannot drift apart.
 */
final class EnvelopeFormat {

    static final int VERSION_OFFSET = 0;
    static final int ALGORITHM_OFFSET = 1;
    static final int KEY_VERSION_OFFSET = 2;
    static final int HEADER_LENGTH = 6;

    static final int XCHACHA20_POLY1305_ID = 0x01;
    static final int AES_256_GCM_ID = 0x02;

    static final String SUPPORTED_ALGORITHMS =
            XCHACHA20_POLY1305_ID + " (XChaCha20-Poly1305), " + AES_256_GCM_ID + " (AES-256-GCM)";

    private EnvelopeFormat() {}

    /** The identifier written for {@code alg}; only the two envelope algorithms have one. */
    static int idOf(AeadAlgorithm alg) {
        switch (alg) {
            case XCHACHA20_POLY1305:
                return XCHACHA20_POLY1305_ID;
            case AES_256_GCM:
                return AES_256_GCM_ID;
            default:
                throw new ParameterRejectedException(
                        alg
                                + " is not an envelope algorithm; use XCHACHA20_POLY1305 or AES_256_GCM");
        }
    }

    /** The algorithm an identifier byte names; anything else is refused, never guessed. */
    static AeadAlgorithm algorithmOf(int id) {
        switch (id) {
            case XCHACHA20_POLY1305_ID:
                return AeadAlgorithm.XCHACHA20_POLY1305;
            case AES_256_GCM_ID:
                return AeadAlgorithm.AES_256_GCM;
            default:
                throw new UnsupportedFormatException(
                        "envelope algorithm", Integer.toString(id), SUPPORTED_ALGORITHMS);
        }
    }

    /** The 6 header bytes: version, algorithm id, key version (u32 big-endian). */
    static byte[] header(AeadAlgorithm alg, int keyVersion) {
        byte[] header = new byte[HEADER_LENGTH];
        header[VERSION_OFFSET] = (byte) Envelope.VERSION;
        header[ALGORITHM_OFFSET] = (byte) idOf(alg);
        System.arraycopy(Bytes.int32(keyVersion), 0, header, KEY_VERSION_OFFSET, 4);
        return header;
    }

    /** Associated data: the header (so it is authenticated) followed by the caller's context. */
    static byte[] associatedData(byte[] envelope, byte[] context) {
        byte[] aad = new byte[HEADER_LENGTH + context.length];
        System.arraycopy(envelope, 0, aad, 0, HEADER_LENGTH);
        System.arraycopy(context, 0, aad, HEADER_LENGTH, context.length);
        return aad;
    }
}
