package dev.strongroom.crypto.aead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.api.MalformedInputException;
import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.common.SymmetricKey;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AeadTest {

    private static final byte[] PLAINTEXT = "db password: hunter2".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AAD = "vault-1/item-9".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void sealsAndOpens(AeadAlgorithm alg) {
        try (SymmetricKey key = SymmetricKey.random(alg.keyLength())) {
            byte[] nonce = Aead.randomNonce(alg);
            byte[] sealed = Aead.seal(alg, key, nonce, PLAINTEXT, AAD);
            assertThat(sealed).hasSize(PLAINTEXT.length + alg.tagLength());
            assertThat(Aead.open(alg, key, nonce, sealed, AAD)).isEqualTo(PLAINTEXT);
            // The key is still usable: seal/open wiped their own copies, not the caller's key.
            assertThat(Aead.open(alg, key, nonce, sealed, AAD)).isEqualTo(PLAINTEXT);
        }
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void nullAadMeansEmpty(AeadAlgorithm alg) {
        try (SymmetricKey key = SymmetricKey.random(32)) {
            byte[] nonce = Aead.randomNonce(alg);
            byte[] sealed = Aead.seal(alg, key, nonce, new byte[0], null);
            assertThat(Aead.open(alg, key, nonce, sealed, new byte[0])).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void anyChangeFailsAuthentication(AeadAlgorithm alg) {
        try (SymmetricKey key = SymmetricKey.random(32);
                SymmetricKey otherKey = SymmetricKey.random(32)) {
            byte[] nonce = Aead.randomNonce(alg);
            byte[] sealed = Aead.seal(alg, key, nonce, PLAINTEXT, AAD);
            byte[] tampered = sealed.clone();
            tampered[0] ^= 1;
            byte[] otherNonce = nonce.clone();
            otherNonce[nonce.length - 1] ^= (byte) 0x80;
            assertThatThrownBy(() -> Aead.open(alg, key, nonce, tampered, AAD))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThatThrownBy(() -> Aead.open(alg, key, otherNonce, sealed, AAD))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThatThrownBy(() -> Aead.open(alg, key, nonce, sealed, new byte[0]))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThatThrownBy(() -> Aead.open(alg, otherKey, nonce, sealed, AAD))
                    .isInstanceOf(AuthenticationFailedException.class)
                    .hasMessageNotContaining("hunter2");
        }
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void wrongLengthsAreRejected(AeadAlgorithm alg) {
        byte[] nonce = Aead.randomNonce(alg);
        try (SymmetricKey shortKey = SymmetricKey.random(16);
                SymmetricKey key = SymmetricKey.random(32)) {
            assertThatThrownBy(() -> Aead.seal(alg, shortKey, nonce, PLAINTEXT, AAD))
                    .isInstanceOf(ParameterRejectedException.class)
                    .hasMessageContaining("key must be 32 bytes, got 16");
            byte[] longNonce = new byte[alg.nonceLength() + 1];
            assertThatThrownBy(() -> Aead.seal(alg, key, longNonce, PLAINTEXT, AAD))
                    .isInstanceOf(ParameterRejectedException.class)
                    .hasMessageContaining("nonce must be " + alg.nonceLength());
            assertThatThrownBy(() -> Aead.open(alg, key, new byte[0], new byte[32], AAD))
                    .isInstanceOf(ParameterRejectedException.class);
            for (int length = 0; length < alg.tagLength(); length++) {
                byte[] tooShort = new byte[length];
                assertThatThrownBy(() -> Aead.open(alg, key, nonce, tooShort, AAD))
                        .isInstanceOf(MalformedInputException.class);
            }
            // Exactly a tag (empty plaintext) is well-formed; it just does not authenticate.
            assertThatThrownBy(() -> Aead.open(alg, key, nonce, new byte[16], AAD))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void destroyedKeyIsRefused(AeadAlgorithm alg) {
        SymmetricKey key = SymmetricKey.random(32);
        key.destroy();
        assertThatThrownBy(() -> Aead.seal(alg, key, Aead.randomNonce(alg), PLAINTEXT, AAD))
                .isInstanceOf(CryptoException.class);
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void randomNoncesHaveTheRightLengthAndDiffer(AeadAlgorithm alg) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            byte[] nonce = Aead.randomNonce(alg);
            assertThat(nonce).hasSize(alg.nonceLength());
            assertThat(seen.add(java.util.HexFormat.of().formatHex(nonce))).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void parametersAreAsSpecified(AeadAlgorithm alg) {
        assertThat(alg.keyLength()).isEqualTo(32);
        assertThat(alg.tagLength()).isEqualTo(16);
        assertThat(alg.nonceLength()).isEqualTo(alg == AeadAlgorithm.XCHACHA20_POLY1305 ? 24 : 12);
    }
}
