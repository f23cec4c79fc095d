package dev.strongroom.crypto.aead;

import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.api.MalformedInputException;
import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.common.SymmetricKey;
import java.util.Objects;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.XChaCha20Poly1305;

/**
 * One-shot authenticated encryption with associated data over Bouncy Castle's lightweight API (no
 * JCA provider is registered or needed).
 *
 * <p>Sealed output is {@code ciphertext || tag}. {@link #open} either returns the whole plaintext
 * or throws; it never returns partially decrypted data. Nonces must never repeat under one key: use
 * {@link #randomNonce} unless a protocol (such as HPKE) derives them.
 *
 * <p>Key handling: each call copies the key out of the {@link SymmetricKey} and wipes that copy
 * (and the copy Bouncy Castle's {@code KeyParameter} makes) before returning. Bouncy Castle's
 * internal cipher state (expanded AES round keys, the ChaCha state) cannot be wiped from outside;
 * it becomes unreachable when the call returns.
 */
public final class Aead {

    private Aead() {}

    /**
     * Encrypts and authenticates {@code plaintext}, and authenticates {@code aad} (null means
     * empty).
     *
     * @return ciphertext || 16-byte tag
     * @throws ParameterRejectedException if the key or nonce length does not match {@code alg}
     */
    public static byte[] seal(
            AeadAlgorithm alg, SymmetricKey key, byte[] nonce, byte[] plaintext, byte[] aad) {
        checkParameters(alg, key, nonce);
        Objects.requireNonNull(plaintext, "plaintext");
        return OneShotAead.seal(newCipher(alg), key.copyBytes(), nonce, plaintext, aad);
    }

    /**
     * Authenticates and decrypts {@code ciphertextAndTag} with associated data {@code aad} (null
     * means empty).
     *
     * @return the plaintext, only if the tag verifies
     * @throws AuthenticationFailedException if the tag does not match (wrong key, nonce, aad, or
     *     altered ciphertext)
     * @throws ParameterRejectedException if the key or nonce length does not match {@code alg}
     * @throws MalformedInputException if the input is shorter than the tag
     */
    public static byte[] open(
            AeadAlgorithm alg,
            SymmetricKey key,
            byte[] nonce,
            byte[] ciphertextAndTag,
            byte[] aad) {
        checkParameters(alg, key, nonce);
        Objects.requireNonNull(ciphertextAndTag, "ciphertextAndTag");
        return OneShotAead.open(newCipher(alg), key.copyBytes(), nonce, ciphertextAndTag, aad);
    }

    /** A fresh random nonce of the algorithm's length, from {@link Randoms}. */
    public static byte[] randomNonce(AeadAlgorithm alg) {
        return Randoms.bytes(alg.nonceLength());
    }

    private static void checkParameters(AeadAlgorithm alg, SymmetricKey key, byte[] nonce) {
        Objects.requireNonNull(alg, "alg");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(nonce, "nonce");
        if (key.length() != alg.keyLength()) {
            throw new ParameterRejectedException(
                    alg + " key must be " + alg.keyLength() + " bytes, got " + key.length());
        }
        if (nonce.length != alg.nonceLength()) {
            throw new ParameterRejectedException(
                    alg + " nonce must be " + alg.nonceLength() + " bytes, got " + nonce.length);
        }
    }

    private static AEADCipher newCipher(AeadAlgorithm alg) {
        switch (alg) {
            case XCHACHA20_POLY1305:
                return new XChaCha20Poly1305();
            case AES_256_GCM:
                return GCMBlockCipher.newInstance(AESEngine.newInstance());
            case CHACHA20_POLY1305:
                return new ChaCha20Poly1305();
            default:
                throw new IllegalArgumentException("unknown algorithm " + alg);
        }
    }
}
