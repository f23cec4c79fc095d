package dev.strongroom.crypto.aead;

import dev.strongroom.crypto.api.ParameterRejectedException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;

/**
 * AES-GCM with any AES key size (128/192/256 bits) and any non-empty IV length, with a 128-bit tag.
 *
 * <p>Not for product code: short or non-96-bit IVs and 128-bit keys are outside Strongroom's policy
 * (an 8-bit IV repeats after a handful of messages, which breaks GCM completely). It exists so the
 * Wycheproof suite can run every AES-GCM vector through the same one-shot code path {@link Aead}
 * uses; product code calls {@link Aead} with {@link AeadAlgorithm#AES_256_GCM}.
 */
final class InsecureAnySizeAesGcm {

    private InsecureAnySizeAesGcm() {}

    static byte[] seal(byte[] key, byte[] iv, byte[] plaintext, byte[] aad) {
        check(key, iv);
        return OneShotAead.seal(newCipher(), key.clone(), iv, plaintext, aad);
    }

    static byte[] open(byte[] key, byte[] iv, byte[] ciphertextAndTag, byte[] aad) {
        check(key, iv);
        return OneShotAead.open(newCipher(), key.clone(), iv, ciphertextAndTag, aad);
    }

    private static void check(byte[] key, byte[] iv) {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new ParameterRejectedException(
                    "AES key must be 16, 24 or 32 bytes, got " + key.length);
        }
        if (iv.length == 0) {
            throw new ParameterRejectedException("GCM IV must not be empty");
        }
    }

    private static GCMModeCipher newCipher() {
        return GCMBlockCipher.newInstance(AESEngine.newInstance());
    }
}
