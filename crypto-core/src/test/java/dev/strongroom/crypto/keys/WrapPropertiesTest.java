package dev.strongroom.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.api.AuthenticationFailedException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** Every wrap of the hierarchy round-trips, and fails for any other binding. */
class WrapPropertiesTest {

    @Property(tries = 50)
    void itemWrapsAndContentRoundTrip(
            @ForAll @StringLength(min = 1, max = 40) String vaultId,
            @ForAll @StringLength(min = 1, max = 40) String itemId,
            @ForAll @IntRange(min = 1, max = 1_000_000) int version,
            @ForAll byte[] content,
            @ForAll long revision) {
        try (VaultKey vaultKey = VaultKey.generate(version);
                ItemKey itemKey = ItemKey.generate()) {
            byte[] wrap = vaultKey.wrapItemKey(itemKey, vaultId, itemId);
            try (ItemKey unwrapped = vaultKey.unwrapItemKey(wrap, vaultId, itemId)) {
                byte[] sealed = unwrapped.sealContent(content, vaultId, itemId, revision);
                assertThat(itemKey.openContent(sealed, vaultId, itemId, revision))
                        .isEqualTo(content);
                assertThatThrownBy(() -> itemKey.openContent(sealed, vaultId, itemId, revision + 1))
                        .isInstanceOf(AuthenticationFailedException.class);
            }
            assertThatThrownBy(() -> vaultKey.unwrapItemKey(wrap, vaultId + "x", itemId))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Property(tries = 30)
    void accountKeyAndVaultKeyWrapsRoundTrip(
            @ForAll @StringLength(min = 1, max = 40) String accountId,
            @ForAll @IntRange(min = 1, max = 1_000_000) int version) {
        byte[] masterBytes = dev.strongroom.crypto.common.Randoms.bytes(32);
        try (MasterKey master = MasterKey.insecureFromBytes(masterBytes);
                KeyEncryptionKey kek = master.keyEncryptionKey();
                AccountKey accountKey = AccountKey.generate();
                IdentityKeys sender = IdentityKeys.generate();
                IdentityKeys recipient = IdentityKeys.generate();
                VaultKey vaultKey = VaultKey.generate(version)) {
            try (AccountKey back = kek.unwrap(kek.wrap(accountKey, accountId), accountId)) {
                assertThat(back.copyBytes()).isEqualTo(accountKey.copyBytes());
            }
            VaultKeyWrap.Binding binding =
                    new VaultKeyWrap.Binding(
                            "t", "v", version, accountId, recipient.encryptionPublicKey());
            byte[] wrap = VaultKeyWrap.seal(vaultKey, binding, sender);
            try (VaultKey back =
                    VaultKeyWrap.open(
                            wrap,
                            binding,
                            recipient.encryptionPrivateKey(),
                            sender.encryptionPublicKey())) {
                assertThat(back.copyBytes()).isEqualTo(vaultKey.copyBytes());
            }
        }
    }
}
