package dev.strongroom.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.asym.X25519PublicKey;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Pins the byte layouts of docs/CRYPTO.md so no refactor silently changes them. */
class KeyFormatKatTest {

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void contextsMatchTheDocumentedLayout() {
        byte[] recipient = new byte[32];
        java.util.Arrays.fill(recipient, (byte) 7);
        assertThat(hex(Contexts.accountKeyWrap("acc"))).isEqualTo(KnownAnswers.ACCOUNT_KEY_CONTEXT);
        assertThat(
                        hex(
                                new VaultKeyWrap.Binding(
                                                "team",
                                                "vault",
                                                2,
                                                "bob",
                                                new X25519PublicKey(recipient))
                                        .info()))
                .isEqualTo(KnownAnswers.VAULT_KEY_INFO);
        assertThat(hex(Contexts.itemKeyWrap("vault", "item", 2)))
                .isEqualTo(KnownAnswers.ITEM_KEY_CONTEXT);
        assertThat(hex(Contexts.itemContent("vault", "item", 9L)))
                .isEqualTo(KnownAnswers.ITEM_CONTENT_CONTEXT);
    }

    @Test
    void fingerprintOfAFixedIdentityIsPinned() {
        byte[] privateKeys = new byte[64];
        for (int i = 0; i < 64; i++) {
            privateKeys[i] = (byte) i;
        }
        try (IdentityKeys identity = IdentityKeys.fromPrivateKeyBytes(privateKeys)) {
            Fingerprint fingerprint = identity.publicBundle("acc", "a@x", 1L).fingerprint();
            assertThat(fingerprint.digits()).isEqualTo(KnownAnswers.FINGERPRINT_DIGITS);
        }
    }
}
