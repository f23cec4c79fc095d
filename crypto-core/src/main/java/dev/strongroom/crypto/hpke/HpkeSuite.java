package dev.strongroom.crypto.hpke;

import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.common.Bytes;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The HPKE suites this package can run: DHKEM(X25519, HKDF-SHA256) and HKDF-SHA256 with one of two
 * AEADs. {@link #CHACHA20_POLY1305} is the product suite; {@link #AES_128_GCM} exists so the RFC
 * 9180 vectors for it exercise the same key schedule and KEM, and is not reachable from the public
 * API.
 */
enum HpkeSuite {
    AES_128_GCM((short) 0x0001, 16),
    CHACHA20_POLY1305((short) 0x0003, 32);

    /** Nn for both AEADs. */
    static final int NONCE_LENGTH = 12;

    /** Nt for both AEADs. */
    static final int TAG_LENGTH = 16;

    final short aeadId;

    /** Nk. */
    final int keyLength;

    /** {@code "HPKE" || I2OSP(kem_id, 2) || I2OSP(kdf_id, 2) || I2OSP(aead_id, 2)}. */
    final LabeledKdf kdf;

    HpkeSuite(short aeadId, int keyLength) {
        this.aeadId = aeadId;
        this.keyLength = keyLength;
        this.kdf =
                new LabeledKdf(
                        Bytes.concat(
                                LabeledKdf.ascii("HPKE"),
                                LabeledKdf.i2osp2(DhKem.KEM_ID),
                                LabeledKdf.i2osp2(LabeledKdf.KDF_ID),
                                LabeledKdf.i2osp2(aeadId)));
    }

    byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        AEADCipher cipher = newCipher(true, key, nonce, aad);
        byte[] out = new byte[cipher.getOutputSize(plaintext.length)];
        int written = cipher.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            written += cipher.doFinal(out, written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("AEAD encryption cannot fail", e);
        }
        return written == out.length ? out : Arrays.copyOf(out, written);
    }

    /** Decrypts, or throws with nothing decrypted escaping (the buffer is wiped). */
    byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext) {
        byte[] out = null;
        try {
            AEADCipher cipher = newCipher(false, key, nonce, aad);
            out = new byte[cipher.getOutputSize(ciphertext.length)];
            int written = cipher.processBytes(ciphertext, 0, ciphertext.length, out, 0);
            written += cipher.doFinal(out, written);
            if (written == out.length) {
                return out;
            }
            byte[] exact = Arrays.copyOf(out, written);
            Bytes.wipe(out);
            return exact;
        } catch (InvalidCipherTextException | RuntimeException e) {
            Bytes.wipe(out);
            throw new AuthenticationFailedException("HPKE ciphertext did not authenticate");
        }
    }

    private AEADCipher newCipher(boolean encrypt, byte[] key, byte[] nonce, byte[] aad) {
        AEADCipher cipher =
                this == CHACHA20_POLY1305
                        ? new ChaCha20Poly1305()
                        : GCMBlockCipher.newInstance(AESEngine.newInstance());
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_LENGTH * 8, nonce, aad));
        return cipher;
    }
}
