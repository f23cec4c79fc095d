package dev.strongroom.client.adversary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strongroom.client.cache.CacheKey;
import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.cache.CachedVault;
import dev.strongroom.client.cache.KeyWrap;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.crypto.common.SymmetricKey;
import dev.strongroom.crypto.envelope.UnverifiedEnvelope;
import dev.strongroom.crypto.keys.AccountKey;
import dev.strongroom.crypto.keys.AuthSecret;
import dev.strongroom.crypto.keys.ItemKey;
import dev.strongroom.crypto.keys.KeyEncryptionKey;
import dev.strongroom.crypto.keys.MasterKey;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.model.wire.Base64Url;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every key one device derived or holds, registered with a {@link LeakSearch}: the master key,
 * authentication secret and key-encryption key (re-derived from the password and the salt the
 * server served, and checked by unwrapping the real account key), the account key, the cache key,
 * both identity private keys (the Ed25519 seed read back from the sealed private keys), and every
 * vault key and item key the device can open, history included.
 */
final class ClientKeys {

    private ClientKeys() {}

    static void register(LeakSearch search, Device d, char[] password, JsonNode account) {
        String who = d.session.email();
        String accountId = d.id();
        byte[] accountKey = d.session.accountKey().copyBytes();
        byte[] salt = Base64Url.decode(account.path("kdf").path("salt").asText());
        search.text(who + " password", new String(password));
        try (MasterKey mk = MasterKey.derive(password.clone(), salt, World.KDF);
                AuthSecret auth = mk.authSecret();
                KeyEncryptionKey kek = mk.keyEncryptionKey();
                AccountKey unwrapped =
                        kek.unwrap(
                                Base64Url.decode(account.path("wrappedAccountKey").asText()),
                                accountId)) {
            assertThat(unwrapped.copyBytes())
                    .as("re-derived keys are the real ones")
                    .isEqualTo(accountKey);
            search.bytes(who + " master key", mk.copyBytes());
            search.bytes(who + " auth secret", auth.copyBytes());
            search.bytes(who + " key-encryption key", kek.copyBytes());
        }
        search.bytes(who + " account key", accountKey);
        try (CacheKey ck = SyncEngine.cacheKey(d.session)) {
            search.bytes(who + " cache key", ck.copyBytes());
        }
        byte[] privateKeys;
        try (SymmetricKey k = SymmetricKey.copyOf(accountKey)) {
            privateKeys =
                    UnverifiedEnvelope.parse(
                                    Base64Url.decode(account.path("encryptedPrivateKeys").asText()))
                            .open(
                                    k,
                                    Canonical.of("strongroom/v1/identity-keys")
                                            .add(accountId)
                                            .toBytes());
        }
        byte[] x25519 = d.session.identity().encryptionPrivateKey().copyBytes();
        assertThat(Arrays.copyOfRange(privateKeys, 0, 32)).isEqualTo(x25519);
        search.bytes(who + " X25519 private key", x25519);
        search.bytes(who + " Ed25519 seed", Arrays.copyOfRange(privateKeys, 32, 64));
        for (CachedVault v : d.cache.vaults()) {
            vaultKeys(search, d, v.vaultId());
        }
    }

    static String vaultKeyLabel(Device d, String vaultId, int version) {
        return d.session.email() + " vault key " + vaultId + " v" + version;
    }

    private static void vaultKeys(LeakSearch search, Device d, String vaultId) {
        for (KeyWrap w : d.cache.keyWraps(vaultId)) {
            search.bytes(
                    vaultKeyLabel(d, vaultId, w.keyVersion()),
                    d.engine.vaultKey(vaultId, w.keyVersion()).copyBytes());
        }
        List<CachedItem> revisions = new ArrayList<>();
        for (CachedItem i : d.cache.items(vaultId)) {
            revisions.add(i);
            revisions.addAll(d.cache.history(vaultId, i.itemId()));
        }
        for (CachedItem i : revisions) {
            if (i.deleted()) {
                continue;
            }
            VaultKey vk = d.engine.vaultKey(vaultId, i.revision().keyVersion());
            try (ItemKey ik = vk.unwrapItemKey(i.wrappedItemKey(), vaultId, i.itemId())) {
                search.bytes("item key " + i.itemId() + " r" + i.revisionNumber(), ik.copyBytes());
            }
        }
    }
}
