package dev.strongroom.crypto.aead;

/**
 * The authenticated ciphers Strongroom uses. Every one has a 256-bit key and a 128-bit tag; they
 * differ in nonce length, which decides whether random nonces are safe at vault scale.
 */
public enum AeadAlgorithm {
    /**
     * XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha): HChaCha20 subkey + RFC 8439 ChaCha20-Poly1305.
     * The 192-bit nonce makes random nonces safe for any realistic number of messages under one
     * key, so it is the default for envelopes.
     */
    XCHACHA20_POLY1305(32, 24, 16),
    /**
     * AES-256-GCM with the standard 96-bit nonce (NIST SP 800-38D). Random 96-bit nonces limit one
     * key to about 2^32 messages; offered for environments that require AES.
     */
    AES_256_GCM(32, 12, 16),
    /**
     * ChaCha20-Poly1305 as in RFC 8439 (96-bit nonce). Used where a protocol fixes it (HPKE); not a
     * valid envelope algorithm, because random 96-bit nonces are too short for long-lived keys.
     */
    CHACHA20_POLY1305(32, 12, 16);

    private final int keyLength;
    private final int nonceLength;
    private final int tagLength;

    AeadAlgorithm(int keyLength, int nonceLength, int tagLength) {
        this.keyLength = keyLength;
        this.nonceLength = nonceLength;
        this.tagLength = tagLength;
    }

    /** Key length in bytes. */
    public int keyLength() {
        return keyLength;
    }

    /** Nonce length in bytes. */
    public int nonceLength() {
        return nonceLength;
    }

    /** Authentication tag length in bytes (appended to the ciphertext). */
    public int tagLength() {
        return tagLength;
    }
}
