package dev.strongroom.crypto.hpke;

import dev.strongroom.crypto.common.Bytes;

/**
 * An HPKE encryption context (RFC 9180 section 5.2): AEAD key, base nonce, exporter secret and the
 * message sequence number. The public API uses one context per message (sequence 0 only); the
 * sequence and the exporter are here for the RFC vectors, which cover sequence numbers up to 256
 * and exported values.
 */
final class HpkeContext implements AutoCloseable {

    static final byte MODE_BASE = 0x00;
    static final byte MODE_AUTH = 0x02;

    private final HpkeSuite suite;
    private final byte[] key;
    private final byte[] baseNonce;
    private final byte[] exporterSecret;
    private long sequence;

    private HpkeContext(HpkeSuite suite, byte[] key, byte[] baseNonce, byte[] exporterSecret) {
        this.suite = suite;
        this.key = key;
        this.baseNonce = baseNonce;
        this.exporterSecret = exporterSecret;
    }

    /** KeySchedule(mode, shared_secret, info, default_psk, default_psk_id) for base and auth. */
    static HpkeContext keySchedule(HpkeSuite suite, byte mode, byte[] sharedSecret, byte[] info) {
        if (mode != MODE_BASE && mode != MODE_AUTH) {
            throw new IllegalArgumentException("only HPKE modes base and auth are implemented");
        }
        LabeledKdf kdf = suite.kdf;
        byte[] none = new byte[0];
        byte[] pskIdHash = kdf.extract(none, "psk_id_hash", none);
        byte[] infoHash = kdf.extract(none, "info_hash", info);
        byte[] context = Bytes.concat(new byte[] {mode}, pskIdHash, infoHash);
        byte[] secret = kdf.extract(sharedSecret, "secret", none);
        try {
            return new HpkeContext(
                    suite,
                    kdf.expand(secret, "key", context, suite.keyLength),
                    kdf.expand(secret, "base_nonce", context, HpkeSuite.NONCE_LENGTH),
                    kdf.expand(secret, "exp", context, LabeledKdf.HASH_LENGTH));
        } finally {
            Bytes.wipe(secret);
        }
    }

    byte[] seal(byte[] aad, byte[] plaintext) {
        byte[] out = suite.seal(key, nextNonce(), aad, plaintext);
        sequence++;
        return out;
    }

    /** Opens the next message; the sequence advances only when it authenticates. */
    byte[] open(byte[] aad, byte[] ciphertext) {
        byte[] out = suite.open(key, nextNonce(), aad, ciphertext);
        sequence++;
        return out;
    }

    /** RFC 9180 section 5.3 Export. */
    byte[] export(byte[] exporterContext, int length) {
        return suite.kdf.expand(exporterSecret, "sec", exporterContext, length);
    }

    /** {@code base_nonce XOR I2OSP(seq, Nn)}. */
    private byte[] nextNonce() {
        if (sequence == Long.MAX_VALUE) {
            // RFC 9180 5.2: the sequence must not wrap; unreachable with single-shot use.
            throw new IllegalStateException("HPKE message limit reached");
        }
        byte[] nonce = baseNonce.clone();
        for (int i = 0; i < Long.BYTES; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) (sequence >>> (8 * i));
        }
        return nonce;
    }

    byte[] keyForTest() {
        return key.clone();
    }

    byte[] baseNonceForTest() {
        return baseNonce.clone();
    }

    byte[] exporterSecretForTest() {
        return exporterSecret.clone();
    }

    @Override
    public void close() {
        Bytes.wipe(key);
        Bytes.wipe(baseNonce);
        Bytes.wipe(exporterSecret);
    }
}
