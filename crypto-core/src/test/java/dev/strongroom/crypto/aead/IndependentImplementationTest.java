package dev.strongroom.crypto.aead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.common.SymmetricKey;
import dev.strongroom.crypto.testing.Vectors;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks our Bouncy Castle based AEADs against the JDK's own (SunJCE) implementations, and
 * XChaCha20-Poly1305 against its definition: ChaCha20-Poly1305 under the HChaCha20 subkey of the
 * first 16 nonce bytes, with nonce 0x00000000 || last 8 nonce bytes.
 */
class IndependentImplementationTest {

    @Test
    void hChaCha20MatchesTheDraftTestVector() {
        // draft-irtf-cfrg-xchacha-03 §2.2.1
        byte[] key =
                Vectors.hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        byte[] nonce = Vectors.hex("000000090000004a0000000031415927");
        assertThat(HChaCha20.subkey(key, nonce))
                .isEqualTo(
                        Vectors.hex(
                                "82413b4227b27bfed30e42508a877d73"
                                        + "a0f9e4d58a74a853c12ec41326d3ecdc"));
    }

    @Property(tries = 100)
    void xchachaIsHChaCha20PlusJdkChaCha20Poly1305(
            @ForAll @Size(max = 300) byte[] plaintext, @ForAll @Size(max = 40) byte[] aad)
            throws Exception {
        byte[] key = Randoms.bytes(32);
        byte[] nonce = Randoms.bytes(24);
        byte[] ours;
        try (SymmetricKey k = SymmetricKey.copyOf(key)) {
            ours = Aead.seal(AeadAlgorithm.XCHACHA20_POLY1305, k, nonce, plaintext, aad);
        }
        byte[] subkey = HChaCha20.subkey(key, Arrays.copyOf(nonce, 16));
        byte[] innerNonce = Bytes.concat(new byte[4], Arrays.copyOfRange(nonce, 16, 24));
        Cipher jdk = Cipher.getInstance("ChaCha20-Poly1305");
        jdk.init(
                Cipher.ENCRYPT_MODE,
                new SecretKeySpec(subkey, "ChaCha20"),
                new IvParameterSpec(innerNonce));
        jdk.updateAAD(aad);
        assertThat(ours).isEqualTo(jdk.doFinal(plaintext));
    }

    @Property(tries = 100)
    void chachaMatchesJdk(
            @ForAll @Size(max = 300) byte[] plaintext, @ForAll @Size(max = 40) byte[] aad)
            throws Exception {
        byte[] key = Randoms.bytes(32);
        byte[] nonce = Randoms.bytes(12);
        byte[] ours;
        try (SymmetricKey k = SymmetricKey.copyOf(key)) {
            ours = Aead.seal(AeadAlgorithm.CHACHA20_POLY1305, k, nonce, plaintext, aad);
        }
        Cipher jdk = Cipher.getInstance("ChaCha20-Poly1305");
        jdk.init(
                Cipher.ENCRYPT_MODE,
                new SecretKeySpec(key, "ChaCha20"),
                new IvParameterSpec(nonce));
        jdk.updateAAD(aad);
        assertThat(ours).isEqualTo(jdk.doFinal(plaintext));
    }

    @Property(tries = 100)
    void aesGcmMatchesJdk(
            @ForAll @Size(max = 300) byte[] plaintext, @ForAll @Size(max = 40) byte[] aad)
            throws Exception {
        byte[] key = Randoms.bytes(32);
        byte[] nonce = Randoms.bytes(12);
        byte[] ours;
        try (SymmetricKey k = SymmetricKey.copyOf(key)) {
            ours = Aead.seal(AeadAlgorithm.AES_256_GCM, k, nonce, plaintext, aad);
        }
        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
        jdk.init(
                Cipher.ENCRYPT_MODE,
                new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(128, nonce));
        jdk.updateAAD(aad);
        assertThat(ours).isEqualTo(jdk.doFinal(plaintext));
    }
}
