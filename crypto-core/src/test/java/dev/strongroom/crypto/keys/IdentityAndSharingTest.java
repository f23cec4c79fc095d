package dev.strongroom.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.api.InvalidSignatureException;
import org.junit.jupiter.api.Test;

class IdentityAndSharingTest {

    @Test
    void bundleSelfSignatureCoversEveryField() {
        try (IdentityKeys alice = IdentityKeys.generate()) {
            PublicBundle bundle = alice.publicBundle("alice-id", "alice@example.org", 1000L);
            UnverifiedPublicBundle wire = bundle.toUnverified();
            assertThat(wire.verifySelfSignature().fingerprint()).isEqualTo(bundle.fingerprint());

            UnverifiedPublicBundle otherEmail =
                    new UnverifiedPublicBundle(
                            "alice-id",
                            "mallory@example.org",
                            wire.allegedEncryptionKey(),
                            wire.allegedSigningKey(),
                            1000L,
                            wire.signature());
            assertThatThrownBy(otherEmail::verifySelfSignature)
                    .isInstanceOf(InvalidSignatureException.class);

            try (IdentityKeys mallory = IdentityKeys.generate()) {
                UnverifiedPublicBundle swappedKey =
                        new UnverifiedPublicBundle(
                                "alice-id",
                                "alice@example.org",
                                mallory.encryptionPublicKey().bytes(),
                                wire.allegedSigningKey(),
                                1000L,
                                wire.signature());
                assertThatThrownBy(swappedKey::verifySelfSignature)
                        .isInstanceOf(InvalidSignatureException.class);
            }
        }
    }

    @Test
    void fingerprintRendersAsDigitsAndWordsAndDiffersPerKey() {
        try (IdentityKeys a = IdentityKeys.generate();
                IdentityKeys b = IdentityKeys.generate()) {
            Fingerprint fa = a.publicBundle("id", "a@x", 1L).fingerprint();
            Fingerprint fa2 = a.publicBundle("id", "new-address@x", 2L).fingerprint();
            Fingerprint fb = b.publicBundle("id", "a@x", 1L).fingerprint();
            assertThat(fa.digits()).matches("(\\d{5} ){11}\\d{5}");
            assertThat(fa.words()).hasSize(12).doesNotContainNull();
            assertThat(fa).isEqualTo(fa2);
            assertThat(fa.matches(fa2.digest())).isTrue();
            assertThat(fa).isNotEqualTo(fb);
            assertThat(fa.digits()).isNotEqualTo(fb.digits());
        }
    }

    @Test
    void vaultKeyWrapReachesOnlyTheBoundRecipientFromTheBoundSender() {
        try (IdentityKeys owner = IdentityKeys.generate();
                IdentityKeys bob = IdentityKeys.generate();
                IdentityKeys mallory = IdentityKeys.generate();
                VaultKey vaultKey = VaultKey.generate(2)) {
            VaultKeyWrap.Binding binding =
                    new VaultKeyWrap.Binding("team", "vault", 2, "bob", bob.encryptionPublicKey());
            byte[] wrap = VaultKeyWrap.seal(vaultKey, binding, owner);
            try (VaultKey opened =
                    VaultKeyWrap.open(
                            wrap,
                            binding,
                            bob.encryptionPrivateKey(),
                            owner.encryptionPublicKey())) {
                assertThat(opened.copyBytes()).isEqualTo(vaultKey.copyBytes());
                assertThat(opened.version()).isEqualTo(2);
            }
            VaultKeyWrap.Binding otherVault =
                    new VaultKeyWrap.Binding(
                            "team", "vault-2", 2, "bob", bob.encryptionPublicKey());
            assertThatThrownBy(
                            () ->
                                    VaultKeyWrap.open(
                                            wrap,
                                            otherVault,
                                            bob.encryptionPrivateKey(),
                                            owner.encryptionPublicKey()))
                    .isInstanceOf(AuthenticationFailedException.class);
            VaultKeyWrap.Binding olderVersion =
                    new VaultKeyWrap.Binding("team", "vault", 1, "bob", bob.encryptionPublicKey());
            assertThatThrownBy(
                            () ->
                                    VaultKeyWrap.open(
                                            wrap,
                                            olderVersion,
                                            bob.encryptionPrivateKey(),
                                            owner.encryptionPublicKey()))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThatThrownBy(
                            () ->
                                    VaultKeyWrap.open(
                                            wrap,
                                            binding,
                                            bob.encryptionPrivateKey(),
                                            mallory.encryptionPublicKey()))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThatThrownBy(
                            () ->
                                    VaultKeyWrap.open(
                                            wrap,
                                            binding,
                                            mallory.encryptionPrivateKey(),
                                            owner.encryptionPublicKey()))
                    .isInstanceOf(AuthenticationFailedException.class);
            // A server substituting its own key for bob's makes a wrap that bob's binding refuses.
            byte[] toMallory =
                    VaultKeyWrap.seal(
                            vaultKey,
                            new VaultKeyWrap.Binding(
                                    "team", "vault", 2, "bob", mallory.encryptionPublicKey()),
                            owner);
            assertThatThrownBy(
                            () ->
                                    VaultKeyWrap.open(
                                            toMallory,
                                            binding,
                                            mallory.encryptionPrivateKey(),
                                            owner.encryptionPublicKey()))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }
}
