package dev.strongroom.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.aead.AeadAlgorithm;
import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.crypto.common.SymmetricKey;
import dev.strongroom.crypto.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Known answers for envelope format v1: fixed key, nonce, key version, plaintext and context give
 * fixed bytes, so no refactor can silently change what is stored. The expected bytes were computed
 * outside this code base (Python: pyca/cryptography AESGCM and ChaCha20Poly1305, with HChaCha20
 * written from draft-irtf-cfrg-xchacha), following the layout in {@link Envelope}.
 */
class EnvelopeKatTest {

    private static final byte[] KEY =
            Vectors.hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final int KEY_VERSION = 7;
    private static final byte[] PLAINTEXT =
            "strongroom envelope v1 known-answer test".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CONTEXT =
            Canonical.of("strongroom/v1/test").add("vault-1").add("item-1").add(7L).toBytes();

    private static final String XCHACHA_ENVELOPE =
            "01" // version
                    + "01" // XChaCha20-Poly1305
                    + "00000007" // key version
                    + "404142434445464748494a4b4c4d4e4f5051525354555657" // nonce
                    + "a74d771fbe870b79e099a7dbc1ea00fefdcac8e4656873f1045e8a2b24654de3"
                    + "619c704e21f7f764" // ciphertext
                    + "b0b0cd6d927fed05329e873c48b0d900"; // tag

    private static final String AES_GCM_ENVELOPE =
            "01" // version
                    + "02" // AES-256-GCM
                    + "00000007" // key version
                    + "404142434445464748494a4b" // nonce
                    + "91cddc4c485bf56ca2a93753f512763716b6377cc1042f481928398bba7283a8"
                    + "ef6d818caadcac20" // ciphertext
                    + "d443903f84232d23d6f0772046f1f370"; // tag

    @Test
    void contextEncodingIsTheOneTheKatWasComputedWith() {
        assertThat(HexFormat.of().formatHex(CONTEXT))
                .isEqualTo(
                        "000000127374726f6e67726f6f6d2f76312f74657374000000077661756c742d31"
                                + "000000066974656d2d31000000080000000000000007");
    }

    @Test
    void xchachaEnvelope() {
        check(
                AeadAlgorithm.XCHACHA20_POLY1305,
                "404142434445464748494a4b4c4d4e4f5051525354555657",
                XCHACHA_ENVELOPE);
    }

    @Test
    void aesGcmEnvelope() {
        check(AeadAlgorithm.AES_256_GCM, "404142434445464748494a4b", AES_GCM_ENVELOPE);
    }

    private static void check(AeadAlgorithm alg, String nonceHex, String expectedHex) {
        try (SymmetricKey key = SymmetricKey.copyOf(KEY)) {
            byte[] sealed =
                    Envelope.seal(alg, key, KEY_VERSION, Vectors.hex(nonceHex), PLAINTEXT, CONTEXT);
            assertThat(HexFormat.of().formatHex(sealed)).isEqualTo(expectedHex);

            UnverifiedEnvelope parsed = UnverifiedEnvelope.parse(Vectors.hex(expectedHex));
            assertThat(parsed.allegedVersion()).isEqualTo(1);
            assertThat(parsed.allegedAlgorithm()).isEqualTo(alg);
            assertThat(parsed.allegedKeyVersion()).isEqualTo(KEY_VERSION);
            assertThat(parsed.open(key, CONTEXT)).isEqualTo(PLAINTEXT);
        }
    }
}
