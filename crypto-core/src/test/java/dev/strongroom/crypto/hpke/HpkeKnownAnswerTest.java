package dev.strongroom.crypto.hpke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.asym.X25519PrivateKey;
import dev.strongroom.crypto.testing.Vectors;
import java.util.HexFormat;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.junit.jupiter.api.Test;

/**
 * Known answers for Strongroom's HPKE wire form ({@code enc || ciphertext}, product suite): fixed
 * keys, ikmE, info, aad and a 32-byte "vault key" plaintext give fixed bytes, so a refactor cannot
 * silently change what goes on the wire. The expected bytes are also reproduced (base) or opened
 * (auth) by Bouncy Castle's independent HPKE implementation.
 */
class HpkeKnownAnswerTest {

    private static final byte[] RECIPIENT_SK =
            Vectors.hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] SENDER_SK =
            Vectors.hex("f0e0d0c0b0a090807060504030201000f1e1d1c1b1a191817161514131211101");
    private static final byte[] IKM_E =
            Vectors.hex("5374726f6e67726f6f6d20484b5045204b415420696b6d45202d2d2d2d2d2d2d");

    /** Canonical.of("strongroom/v1/kat").add("team-1").add("vault-1").add(7L), fixed here. */
    private static final byte[] INFO =
            Vectors.hex(
                    "000000117374726f6e67726f6f6d2f76312f6b6174000000067465616d2d3100"
                            + "0000077661756c742d31000000080000000000000007");

    private static final byte[] AAD = Vectors.hex("6161642d6b6174");
    private static final byte[] VAULT_KEY =
            Vectors.hex("8899aabbccddeeff00112233445566778899aabbccddeeff0011223344556677");

    /** enc (32) || ChaCha20Poly1305(vault key) (32) || tag (16). */
    private static final String EXPECTED_BASE =
            "ce7c38a12e4a13791c7dea7728f7605c730b9aaf08a78311b1b73f41c8b97549"
                    + "c5096163078e12763fbdb4e771cbd99cb65630c920b47415a7c41f5eb3299e74ad18fb6decaa5f771136b50a92cd5c08";

    private static final String EXPECTED_AUTH =
            "ce7c38a12e4a13791c7dea7728f7605c730b9aaf08a78311b1b73f41c8b97549"
                    + "75e14f64fb7f295f1c6a7b6bd5dbd4cd656a9d6e052ce393a8f4b3bac6fffb7864cd1a191f18475a3c36dffa0667d1aa";

    @Test
    void baseWireFormIsFixed() {
        try (X25519PrivateKey recipient = X25519PrivateKey.fromBytes(RECIPIENT_SK)) {
            HpkeSealed sealed =
                    Hpke.insecureSealWithIkmE(
                            Hpke.PRODUCT_SUITE,
                            recipient.publicKey(),
                            null,
                            IKM_E,
                            INFO,
                            AAD,
                            VAULT_KEY);
            assertThat(HexFormat.of().formatHex(sealed.toBytes())).isEqualTo(EXPECTED_BASE);
            assertThat(
                            Hpke.openBase(
                                    recipient,
                                    HpkeSealed.fromBytes(Vectors.hex(EXPECTED_BASE)),
                                    INFO,
                                    AAD))
                    .isEqualTo(VAULT_KEY);
        }
    }

    @Test
    void authWireFormIsFixed() {
        try (X25519PrivateKey recipient = X25519PrivateKey.fromBytes(RECIPIENT_SK);
                X25519PrivateKey sender = X25519PrivateKey.fromBytes(SENDER_SK)) {
            HpkeSealed sealed =
                    Hpke.insecureSealWithIkmE(
                            Hpke.PRODUCT_SUITE,
                            recipient.publicKey(),
                            sender,
                            IKM_E,
                            INFO,
                            AAD,
                            VAULT_KEY);
            assertThat(HexFormat.of().formatHex(sealed.toBytes())).isEqualTo(EXPECTED_AUTH);
            assertThat(
                            Hpke.openAuth(
                                    recipient,
                                    sender.publicKey(),
                                    HpkeSealed.fromBytes(Vectors.hex(EXPECTED_AUTH)),
                                    INFO,
                                    AAD))
                    .isEqualTo(VAULT_KEY);
        }
    }

    /** Bouncy Castle, given the same ephemeral key, produces the same base-mode bytes. */
    @Test
    void bouncyCastleReproducesBase() throws Exception {
        HPKE bc = bc(HPKE.mode_base);
        AsymmetricCipherKeyPair ephemeral = bc.deriveKeyPair(IKM_E);
        try (X25519PrivateKey recipient = X25519PrivateKey.fromBytes(RECIPIENT_SK)) {
            HPKEContextWithEncapsulation context =
                    bc.setupBaseS(
                            bc.deserializePublicKey(recipient.publicKey().bytes()),
                            INFO,
                            ephemeral);
            byte[] ciphertext = context.seal(AAD, VAULT_KEY);
            assertThat(new HpkeSealed(context.getEncapsulation(), ciphertext).toBytes())
                    .isEqualTo(Vectors.hex(EXPECTED_BASE));
        }
    }

    /** Bouncy Castle opens the auth-mode known answer (it cannot be given the ephemeral key). */
    @Test
    void bouncyCastleOpensAuth() throws Exception {
        HPKE bc = bc(HPKE.mode_auth);
        HpkeSealed sealed = HpkeSealed.fromBytes(Vectors.hex(EXPECTED_AUTH));
        try (X25519PrivateKey recipient = X25519PrivateKey.fromBytes(RECIPIENT_SK);
                X25519PrivateKey sender = X25519PrivateKey.fromBytes(SENDER_SK)) {
            byte[] opened =
                    bc.setupAuthR(
                                    sealed.enc(),
                                    bc.deserializePrivateKey(
                                            RECIPIENT_SK, recipient.publicKey().bytes()),
                                    INFO,
                                    bc.deserializePublicKey(sender.publicKey().bytes()))
                            .open(AAD, sealed.ciphertext());
            assertThat(opened).isEqualTo(VAULT_KEY);
        }
    }

    private static HPKE bc(byte mode) {
        return new HPKE(
                mode, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_CHACHA20_POLY1305);
    }
}
