package dev.strongroom.crypto.aead;

import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.api.MalformedInputException;
import dev.strongroom.crypto.common.Bytes;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Runs one Bouncy Castle AEAD cipher once over a whole message. Callers have already checked key
 * and nonce lengths; this class owns the BC calls, the wiping of the key copies it makes, and the
 * rule that a failed open never hands out plaintext.
 */
final class OneShotAead {

    private static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;
    private static final byte[] EMPTY = new byte[0];

    private OneShotAead() {}

    /**
     * Encrypts; returns ciphertext || tag. Wipes {@code key} (the caller's temporary copy) and the
     * copy BC's KeyParameter made.
     */
    static byte[] seal(AEADCipher cipher, byte[] key, byte[] nonce, byte[] plaintext, byte[] aad) {
        KeyParameter keyParameter = new KeyParameter(key);
        try {
            cipher.init(true, new AEADParameters(keyParameter, TAG_BITS, nonce));
            feedAad(cipher, aad);
            byte[] out = new byte[cipher.getOutputSize(plaintext.length)];
            int written = cipher.processBytes(plaintext, 0, plaintext.length, out, 0);
            written += cipher.doFinal(out, written);
            if (written != out.length) {
                throw new IllegalStateException("AEAD produced an unexpected output length");
            }
            return out;
        } catch (InvalidCipherTextException e) {
            // Encryption has no tag to check; BC declares the exception for both directions.
            throw new IllegalStateException("AEAD encryption failed unexpectedly", e);
        } finally {
            Bytes.wipe(key);
            Bytes.wipe(keyParameter.getKey());
        }
    }

    /**
     * Authenticates and decrypts ciphertext || tag. On a tag mismatch the partially decrypted
     * buffer is wiped and {@link AuthenticationFailedException} is thrown. Wipes {@code key}.
     */
    static byte[] open(AEADCipher cipher, byte[] key, byte[] nonce, byte[] sealed, byte[] aad) {
        if (sealed.length < TAG_BYTES) {
            Bytes.wipe(key);
            throw new MalformedInputException(
                    "Ciphertext is "
                            + sealed.length
                            + " bytes, shorter than the "
                            + TAG_BYTES
                            + "-byte tag");
        }
        KeyParameter keyParameter = new KeyParameter(key);
        byte[] out = null;
        try {
            cipher.init(false, new AEADParameters(keyParameter, TAG_BITS, nonce));
            feedAad(cipher, aad);
            out = new byte[cipher.getOutputSize(sealed.length)];
            int written = cipher.processBytes(sealed, 0, sealed.length, out, 0);
            written += cipher.doFinal(out, written);
            if (written != out.length) {
                throw new IllegalStateException("AEAD produced an unexpected output length");
            }
            byte[] plaintext = out;
            out = null;
            return plaintext;
        } catch (InvalidCipherTextException e) {
            // BC streams plaintext into the buffer before it checks the tag: never let it escape.
            throw new AuthenticationFailedException(
                    "Authentication failed: the ciphertext, nonce, associated data or key is not"
                            + " the one that was sealed");
        } finally {
            Bytes.wipe(out);
            Bytes.wipe(key);
            Bytes.wipe(keyParameter.getKey());
        }
    }

    private static void feedAad(AEADCipher cipher, byte[] aad) {
        byte[] data = aad == null ? EMPTY : aad;
        cipher.processAADBytes(data, 0, data.length);
    }
}
