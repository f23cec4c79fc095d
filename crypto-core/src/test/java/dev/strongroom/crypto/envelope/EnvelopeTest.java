package dev.strongroom.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.aead.AeadAlgorithm;
import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.api.MalformedInputException;
import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.api.UnsupportedFormatException;
import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.crypto.common.SymmetricKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EnvelopeTest {

    private static final byte[] PLAINTEXT =
            "AKIA-EXAMPLE-SECRET-VALUE".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CONTEXT =
            Canonical.of("strongroom/v1/item").add("vault-1").add("item-1").add(3L).toBytes();

    @Test
    void defaultAlgorithmIsXChaCha() {
        try (SymmetricKey key = SymmetricKey.random(32)) {
            byte[] envelope = Envelope.seal(key, 3, PLAINTEXT, CONTEXT);
            assertThat(envelope).hasSize(6 + 24 + PLAINTEXT.length + 16);
            assertThat(envelope[0]).isEqualTo((byte) 1);
            assertThat(envelope[1]).isEqualTo((byte) 1);
            UnverifiedEnvelope parsed = UnverifiedEnvelope.parse(envelope);
            assertThat(parsed.allegedAlgorithm()).isEqualTo(AeadAlgorithm.XCHACHA20_POLY1305);
            assertThat(parsed.allegedKeyVersion()).isEqualTo(3);
            assertThat(parsed.open(key, CONTEXT)).isEqualTo(PLAINTEXT);
        }
    }

    @Test
    void freshNoncePerSeal() {
        try (SymmetricKey key = SymmetricKey.random(32)) {
            byte[] a = Envelope.seal(key, 0, PLAINTEXT, CONTEXT);
            byte[] b = Envelope.seal(key, 0, PLAINTEXT, CONTEXT);
            assertThat(Arrays.copyOfRange(a, 6, 30)).isNotEqualTo(Arrays.copyOfRange(b, 6, 30));
        }
    }

    @Test
    void sealRefusesNonEnvelopeAlgorithmsAndBadParameters() {
        try (SymmetricKey key = SymmetricKey.random(32);
                SymmetricKey shortKey = SymmetricKey.random(16)) {
            assertThatThrownBy(
                            () ->
                                    Envelope.seal(
                                            AeadAlgorithm.CHACHA20_POLY1305,
                                            key,
                                            0,
                                            PLAINTEXT,
                                            CONTEXT))
                    .isInstanceOf(ParameterRejectedException.class)
                    .hasMessageContaining("not an envelope algorithm");
            assertThatThrownBy(() -> Envelope.seal(key, -1, PLAINTEXT, CONTEXT))
                    .isInstanceOf(ParameterRejectedException.class);
            assertThatThrownBy(() -> Envelope.seal(shortKey, 0, PLAINTEXT, CONTEXT))
                    .isInstanceOf(ParameterRejectedException.class);
        }
    }

    @Test
    void maximumKeyVersionRoundTrips() {
        try (SymmetricKey key = SymmetricKey.random(32)) {
            byte[] envelope = Envelope.seal(key, Integer.MAX_VALUE, PLAINTEXT, CONTEXT);
            assertThat(UnverifiedEnvelope.parse(envelope).allegedKeyVersion())
                    .isEqualTo(Integer.MAX_VALUE);
        }
    }

    @Test
    void unknownVersionIsRefusedNamingWhatWasFoundAndWhatIsSupported() {
        byte[] envelope = sampleEnvelope(AeadAlgorithm.XCHACHA20_POLY1305);
        envelope[0] = 3;
        assertThatThrownBy(() -> UnverifiedEnvelope.parse(envelope))
                .isInstanceOfSatisfying(
                        UnsupportedFormatException.class,
                        e -> {
                            assertThat(e.getMessage()).contains("envelope version");
                            assertThat(e.detected()).isEqualTo("3");
                            assertThat(e.supported()).isEqualTo("1");
                        });
        // Version 0 and a lone version byte are refused the same way: no fallback.
        assertThatThrownBy(() -> UnverifiedEnvelope.parse(new byte[] {0}))
                .isInstanceOf(UnsupportedFormatException.class);
        assertThatThrownBy(() -> UnverifiedEnvelope.parse(new byte[] {2}))
                .isInstanceOf(UnsupportedFormatException.class);
    }

    @Test
    void unknownAlgorithmIsRefused() {
        for (int id : new int[] {0, 3, 0x81, 0xff}) {
            byte[] envelope = sampleEnvelope(AeadAlgorithm.XCHACHA20_POLY1305);
            envelope[1] = (byte) id;
            assertThatThrownBy(() -> UnverifiedEnvelope.parse(envelope))
                    .isInstanceOfSatisfying(
                            UnsupportedFormatException.class,
                            e -> {
                                assertThat(e.getMessage()).contains("envelope algorithm");
                                assertThat(e.detected()).isEqualTo(Integer.toString(id));
                                assertThat(e.supported())
                                        .isEqualTo("1 (XChaCha20-Poly1305), 2 (AES-256-GCM)");
                            });
        }
    }

    @Test
    void structuralErrorsAreMalformed() {
        assertThatThrownBy(() -> UnverifiedEnvelope.parse(new byte[0]))
                .isInstanceOf(MalformedInputException.class);
        assertThatThrownBy(() -> UnverifiedEnvelope.parse(new byte[] {1}))
                .isInstanceOf(MalformedInputException.class);
        // Header and nonce present, but one byte short of a tag.
        byte[] shortXChaCha = new byte[6 + 24 + 15];
        shortXChaCha[0] = 1;
        shortXChaCha[1] = 1;
        assertThatThrownBy(() -> UnverifiedEnvelope.parse(shortXChaCha))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("at least 46");
        byte[] shortAes = new byte[6 + 12 + 15];
        shortAes[0] = 1;
        shortAes[1] = 2;
        assertThatThrownBy(() -> UnverifiedEnvelope.parse(shortAes))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("at least 34");
        byte[] highKeyVersion = sampleEnvelope(AeadAlgorithm.AES_256_GCM);
        highKeyVersion[2] = (byte) 0x80;
        assertThatThrownBy(() -> UnverifiedEnvelope.parse(highKeyVersion))
                .isInstanceOf(MalformedInputException.class);
    }

    @ParameterizedTest
    @EnumSource(
            value = AeadAlgorithm.class,
            names = {"XCHACHA20_POLY1305", "AES_256_GCM"})
    void everySingleBitFlipIsDetected(AeadAlgorithm alg) {
        try (SymmetricKey key = SymmetricKey.copyOf(new byte[32])) {
            byte[] envelope = Envelope.seal(alg, key, 5, PLAINTEXT, CONTEXT);
            for (int index = 0; index < envelope.length; index++) {
                for (int bit = 0; bit < 8; bit++) {
                    byte[] flipped = envelope.clone();
                    flipped[index] ^= (byte) (1 << bit);
                    assertThat(EnvelopeChecks.opens(flipped, key, CONTEXT))
                            .as("bit %d of byte %d", bit, index)
                            .isFalse();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = AeadAlgorithm.class,
            names = {"XCHACHA20_POLY1305", "AES_256_GCM"})
    void everyTruncationAndAnExtensionAreDetected(AeadAlgorithm alg) {
        try (SymmetricKey key = SymmetricKey.random(32)) {
            byte[] envelope = Envelope.seal(alg, key, 5, PLAINTEXT, CONTEXT);
            for (int length = 0; length < envelope.length; length++) {
                assertThat(EnvelopeChecks.opens(Arrays.copyOf(envelope, length), key, CONTEXT))
                        .as("truncated to %d bytes", length)
                        .isFalse();
            }
            byte[] extended = Arrays.copyOf(envelope, envelope.length + 1);
            assertThat(EnvelopeChecks.opens(extended, key, CONTEXT)).isFalse();
        }
    }

    @Test
    void headerCannotBeSwappedBetweenAlgorithmsOrKeyVersions() {
        try (SymmetricKey key = SymmetricKey.random(32)) {
            byte[] envelope = Envelope.seal(AeadAlgorithm.AES_256_GCM, key, 5, PLAINTEXT, CONTEXT);
            byte[] otherVersion = envelope.clone();
            otherVersion[5] = 6;
            UnverifiedEnvelope parsed = UnverifiedEnvelope.parse(otherVersion);
            assertThat(parsed.allegedKeyVersion()).isEqualTo(6);
            assertThatThrownBy(() -> parsed.open(key, CONTEXT))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void toStringShowsNoCiphertextOrNonce() {
        try (SymmetricKey key = SymmetricKey.random(32)) {
            byte[] envelope = Envelope.seal(key, 9, PLAINTEXT, CONTEXT);
            String text = UnverifiedEnvelope.parse(envelope).toString();
            assertThat(text)
                    .contains("version=1", "XCHACHA20_POLY1305", "keyVersion=9")
                    .doesNotContain(HexFormat.of().formatHex(envelope, 6, 12))
                    .doesNotContain(Base64Url.encode(envelope).substring(8, 20))
                    .doesNotContain(Arrays.toString(Arrays.copyOfRange(envelope, 6, 10)));
        }
    }

    @Test
    void parseCopiesItsInput() {
        try (SymmetricKey key = SymmetricKey.random(32)) {
            byte[] envelope = Envelope.seal(key, 1, PLAINTEXT, CONTEXT);
            UnverifiedEnvelope parsed = UnverifiedEnvelope.parse(envelope);
            envelope[envelope.length - 1] ^= 1;
            assertThat(parsed.open(key, CONTEXT)).isEqualTo(PLAINTEXT);
        }
    }

    @Test
    void wrongKeyLengthForOpenIsAParameterError() {
        try (SymmetricKey key = SymmetricKey.random(32);
                SymmetricKey shortKey = SymmetricKey.random(16)) {
            UnverifiedEnvelope parsed =
                    UnverifiedEnvelope.parse(Envelope.seal(key, 1, PLAINTEXT, CONTEXT));
            assertThatThrownBy(() -> parsed.open(shortKey, CONTEXT))
                    .isInstanceOf(ParameterRejectedException.class);
            assertThatThrownBy(() -> parsed.open(shortKey, CONTEXT))
                    .isInstanceOf(CryptoException.class);
        }
    }

    private static byte[] sampleEnvelope(AeadAlgorithm alg) {
        try (SymmetricKey key = SymmetricKey.random(32)) {
            return Envelope.seal(alg, key, 1, PLAINTEXT, CONTEXT);
        }
    }
}
