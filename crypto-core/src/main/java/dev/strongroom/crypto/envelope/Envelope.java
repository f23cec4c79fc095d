package dev.strongroom.crypto.envelope;

import dev.strongroom.crypto.aead.Aead;
import dev.strongroom.crypto.aead.AeadAlgorithm;
import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.common.SymmetricKey;
import java.util.Objects;

/**
 * Seals data into Strongroom's versioned binary envelope, format v1:
 *
 * <pre>
 * offset 0   version    u8  = 0x01
 * offset 1   algorithm  u8  (0x01 XChaCha20-Poly1305, 0x02 AES-256-GCM; nothing else is valid)
 * offset 2   keyVersion u32 big-endian (version of the sealing key; 0 when not versioned)
 * offset 6   nonce      24 bytes (XChaCha20-Poly1305) or 12 bytes (AES-256-GCM), random per seal
 * then       ciphertext || 16-byte tag
 * </pre>
 *
 * The AEAD associated data is the 6 header bytes followed by the caller's context bytes, so the
 * header cannot be altered (no algorithm or version downgrade, no key-version swap) and the
 * ciphertext cannot be moved to another purpose, team, vault, item or version: the context names
 * them, built with {@code common.Canonical}. The context itself is not stored; the reader must
 * rebuild it from what it expects. Read envelopes with {@link UnverifiedEnvelope}. In JSON the
 * bytes travel as {@link Base64Url}.
 */
public final class Envelope {

    /** The format version this class writes and {@link UnverifiedEnvelope} accepts. */
    public static final int VERSION = 1;

    /** The algorithm {@link #seal(SymmetricKey, int, byte[], byte[])} uses. */
    public static final AeadAlgorithm DEFAULT_ALGORITHM = AeadAlgorithm.XCHACHA20_POLY1305;

    private Envelope() {}

    /**
     * Seals {@code plaintext} with XChaCha20-Poly1305 under {@code key} (32 bytes) and a fresh
     * random nonce.
     *
     * @param keyVersion version of {@code key}, 0 when the key is not versioned; must be >= 0
     * @param context what this ciphertext belongs to; the same bytes are needed to open it
     * @throws ParameterRejectedException for a wrong key length or a negative key version
     */
    public static byte[] seal(SymmetricKey key, int keyVersion, byte[] plaintext, byte[] context) {
        return seal(DEFAULT_ALGORITHM, key, keyVersion, plaintext, context);
    }

    /**
     * Seals with the given envelope algorithm: {@link AeadAlgorithm#XCHACHA20_POLY1305} or {@link
     * AeadAlgorithm#AES_256_GCM}. Any other algorithm is rejected.
     *
     * @throws ParameterRejectedException for a non-envelope algorithm, a wrong key length or a
     *     negative key version
     */
    public static byte[] seal(
            AeadAlgorithm alg, SymmetricKey key, int keyVersion, byte[] plaintext, byte[] context) {
        Objects.requireNonNull(alg, "alg");
        EnvelopeFormat.idOf(alg); // rejects non-envelope algorithms before a nonce is drawn
        return seal(alg, key, keyVersion, Aead.randomNonce(alg), plaintext, context);
    }

    /**
     * Seals with a caller-chosen nonce. Package-private and only for known-answer tests: a repeated
     * nonce under one key breaks confidentiality and (for GCM) authenticity.
     */
    static byte[] seal(
            AeadAlgorithm alg,
            SymmetricKey key,
            int keyVersion,
            byte[] nonce,
            byte[] plaintext,
            byte[] context) {
        Objects.requireNonNull(alg, "alg");
        Objects.requireNonNull(context, "context");
        if (keyVersion < 0) {
            throw new ParameterRejectedException(
                    "envelope key version must be 0.." + Integer.MAX_VALUE + ", got " + keyVersion);
        }
        byte[] header = EnvelopeFormat.header(alg, keyVersion);
        byte[] aad = EnvelopeFormat.associatedData(header, context);
        byte[] sealed = Aead.seal(alg, key, nonce, plaintext, aad);
        byte[] envelope = new byte[header.length + nonce.length + sealed.length];
        System.arraycopy(header, 0, envelope, 0, header.length);
        System.arraycopy(nonce, 0, envelope, header.length, nonce.length);
        System.arraycopy(sealed, 0, envelope, header.length + nonce.length, sealed.length);
        return envelope;
    }
}
