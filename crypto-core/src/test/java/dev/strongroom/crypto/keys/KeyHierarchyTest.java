package dev.strongroom.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.api.InvalidPassphraseException;
import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.kdf.Argon2idParams;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyHierarchyTest {

    private static final String ACCOUNT = "6f1c2f5e-8a43-4a8e-9d7e-0c1b2a3d4e5f";

    @Test
    void passwordUnwrapsTheAccountKeyAndAWrongOneDoesNot() {
        byte[] salt = MasterKey.newSalt();
        AccountKey accountKey = AccountKey.generate();
        byte[] wrapped;
        try (MasterKey master =
                        MasterKey.derive(
                                "correct horse".toCharArray(), salt, Argon2idParams.DEFAULT);
                KeyEncryptionKey kek = master.keyEncryptionKey()) {
            wrapped = kek.wrap(accountKey, ACCOUNT);
        }
        try (MasterKey master =
                        MasterKey.derive(
                                "correct horse".toCharArray(), salt, Argon2idParams.DEFAULT);
                KeyEncryptionKey kek = master.keyEncryptionKey();
                AccountKey unwrapped = kek.unwrap(wrapped, ACCOUNT)) {
            assertThat(unwrapped.copyBytes()).isEqualTo(accountKey.copyBytes());
            assertThatThrownBy(() -> kek.unwrap(wrapped, "another-account"))
                    .isInstanceOf(InvalidPassphraseException.class);
        }
        try (MasterKey wrong =
                        MasterKey.derive(
                                "wrong horse".toCharArray(), salt, Argon2idParams.DEFAULT);
                KeyEncryptionKey kek = wrong.keyEncryptionKey()) {
            assertThatThrownBy(() -> kek.unwrap(wrapped, ACCOUNT))
                    .isInstanceOf(InvalidPassphraseException.class)
                    .hasMessageNotContaining("horse");
        }
    }

    @Test
    void authSecretAndKeyEncryptionKeyAreIndependentAndPinned() {
        byte[] fixed = new byte[32];
        for (int i = 0; i < 32; i++) {
            fixed[i] = (byte) i;
        }
        try (MasterKey master = MasterKey.insecureFromBytes(fixed);
                AuthSecret auth = master.authSecret();
                KeyEncryptionKey kek = master.keyEncryptionKey()) {
            assertThat(auth.copyBytes()).isNotEqualTo(kek.copyBytes());
            assertThat(java.util.HexFormat.of().formatHex(auth.copyBytes()))
                    .isEqualTo(KnownAnswers.AUTH_SECRET);
            assertThat(java.util.HexFormat.of().formatHex(kek.copyBytes()))
                    .isEqualTo(KnownAnswers.KEY_ENCRYPTION_KEY);
        }
    }

    @Test
    void rejectsShortSalts() {
        assertThatThrownBy(
                        () ->
                                MasterKey.derive(
                                        "pw".toCharArray(), new byte[8], Argon2idParams.DEFAULT))
                .isInstanceOf(ParameterRejectedException.class);
    }

    @Test
    void identityKeysRoundTripUnderTheAccountKey() {
        try (AccountKey accountKey = AccountKey.generate();
                IdentityKeys identity = IdentityKeys.generate()) {
            byte[] sealed = accountKey.sealIdentity(identity, ACCOUNT);
            try (IdentityKeys opened = accountKey.openIdentity(sealed, ACCOUNT)) {
                assertThat(opened.encryptionPublicKey()).isEqualTo(identity.encryptionPublicKey());
                assertThat(opened.signingPublicKey()).isEqualTo(identity.signingPublicKey());
            }
            assertThatThrownBy(() -> accountKey.openIdentity(sealed, "other"))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void itemKeysAndContentAreBoundToVaultItemVersionAndRevision() {
        try (VaultKey vaultKey = VaultKey.generate(3);
                ItemKey itemKey = ItemKey.generate()) {
            byte[] wrap = vaultKey.wrapItemKey(itemKey, "vault-1", "item-1");
            try (ItemKey unwrapped = vaultKey.unwrapItemKey(wrap, "vault-1", "item-1")) {
                byte[] content =
                        unwrapped.sealContent(utf8("{\"name\":\"db\"}"), "vault-1", "item-1", 7);
                assertThat(itemKey.openContent(content, "vault-1", "item-1", 7))
                        .isEqualTo(utf8("{\"name\":\"db\"}"));
                assertThatThrownBy(() -> itemKey.openContent(content, "vault-2", "item-1", 7))
                        .isInstanceOf(AuthenticationFailedException.class);
                assertThatThrownBy(() -> itemKey.openContent(content, "vault-1", "item-2", 7))
                        .isInstanceOf(AuthenticationFailedException.class);
                assertThatThrownBy(() -> itemKey.openContent(content, "vault-1", "item-1", 6))
                        .isInstanceOf(AuthenticationFailedException.class);
            }
            assertThatThrownBy(() -> vaultKey.unwrapItemKey(wrap, "vault-1", "item-2"))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
