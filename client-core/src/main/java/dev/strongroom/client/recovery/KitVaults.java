package dev.strongroom.client.recovery;

import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.asym.X25519PublicKey;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.crypto.keys.VaultKeyWrap;
import dev.strongroom.crypto.recovery.RecoveryKey;
import dev.strongroom.model.wire.ItemResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The vault part of a recovery kit: gathering what a device holds of each of the team's vaults
 * (name, the key versions its live items use wrapped to the recovery key, the signed revisions) and
 * opening it again with the combined recovery key.
 */
final class KitVaults {

    private KitVaults() {}

    /** Every vault of the team this device can read, from its verified cache. */
    static List<RecoveryKit.KitVault> gather(
            SyncEngine engine, VaultService vaults, String teamId, X25519PublicKey recoveryKey) {
        List<RecoveryKit.KitVault> out = new ArrayList<>();
        for (var cached : engine.cache().vaults()) {
            if (!cached.teamId().equals(teamId)) {
                continue;
            }
            String vaultId = cached.vaultId();
            Map<Integer, byte[]> wraps = new TreeMap<>();
            List<ItemResponse> items = new ArrayList<>();
            for (CachedItem item : engine.cache().items(vaultId)) {
                if (item.deleted()) {
                    continue;
                }
                int version = item.revision().keyVersion();
                wraps.computeIfAbsent(version, v -> wrap(engine, teamId, vaultId, v, recoveryKey));
                items.add(response(item));
            }
            out.add(new RecoveryKit.KitVault(vaultId, vaults.vault(vaultId).name(), wraps, items));
        }
        return out;
    }

    private static byte[] wrap(
            SyncEngine engine, String teamId, String vaultId, int version, X25519PublicKey to) {
        return VaultKeyWrap.seal(
                engine.vaultKey(vaultId, version),
                new VaultKeyWrap.Binding(teamId, vaultId, version, RecoveryKey.RECIPIENT_ID, to),
                engine.session().identity());
    }

    static ItemResponse response(CachedItem item) {
        var r = item.revision();
        return new ItemResponse(
                UUID.fromString(r.itemId()),
                UUID.fromString(r.vaultId()),
                r.revision(),
                r.keyVersion(),
                item.wrappedItemKey(),
                item.content(),
                false,
                UUID.fromString(r.authorId()),
                r.logSeq(),
                item.signature(),
                null,
                0L);
    }

    static OpenedVault open(
            RecoveryLog log, RecoveryKey key, RecoveryKit.KitVault v, PublicBundle exporter) {
        Map<Integer, VaultKey> keys = new HashMap<>();
        Map<String, ItemContent> items = new HashMap<>();
        try {
            for (ItemResponse r : v.items()) {
                VaultKey vk =
                        keys.computeIfAbsent(
                                r.keyVersion(), ver -> openKey(log, key, v, ver, exporter));
                items.put(r.itemId().toString(), ScopeOpener.openItem(log, vk, v.vaultId(), r));
            }
        } catch (RuntimeException e) {
            items.values().forEach(ItemContent::close);
            throw e;
        } finally {
            keys.values().forEach(VaultKey::close);
        }
        int version = v.wraps().keySet().stream().mapToInt(i -> i).max().orElse(0);
        return new OpenedVault(v.vaultId(), version, items);
    }

    private static VaultKey openKey(
            RecoveryLog log,
            RecoveryKey key,
            RecoveryKit.KitVault v,
            int version,
            PublicBundle exporter) {
        byte[] wrap = v.wraps().get(version);
        if (wrap == null) {
            throw new RecoveryException("the kit lacks a key of vault " + v.vaultId());
        }
        try {
            return key.openVaultKey(
                    wrap,
                    new VaultKeyWrap.Binding(
                            log.state().teamId(),
                            v.vaultId(),
                            version,
                            RecoveryKey.RECIPIENT_ID,
                            key.publicKey()),
                    exporter.encryptionKey());
        } catch (CryptoException e) {
            throw new RecoveryException("a vault key in the kit does not open");
        }
    }
}
