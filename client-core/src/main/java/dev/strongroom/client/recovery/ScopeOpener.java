package dev.strongroom.client.recovery;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.cache.VaultHeadPin;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.sync.ServedHead;
import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.crypto.keys.VaultKeyWrap;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.crypto.recovery.RecoveryKey;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.VaultHeadResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Opens exactly what a request's scope allows with the combined recovery key: a vault's key (its
 * wrap must be the one the verified log announced, sealed by the member the log names) and then its
 * items, each checked against its author's signature before its content is opened (see {@link
 * ItemPass}); items a server served are also checked against the vault's signed head.
 */
public final class ScopeOpener {

    private ScopeOpener() {}

    /** Whether {@code scope} covers {@code vaultId} of the team. */
    public static boolean covers(RecoveryScope scope, String teamId, String vaultId) {
        return switch (scope.kind()) {
            case RecoveryScope.VAULT -> scope.target().equals(vaultId);
            case RecoveryScope.TEAM -> scope.target().equals(teamId);
            default -> false;
        };
    }

    /**
     * Opens every live item of material from a verified source (this device's cache, whose items
     * sync checked against the vault's signed head, or an offline kit), each with the key version
     * it was written under (each version's wrap checked against the log).
     *
     * @throws RecoveryException if the scope does not cover the vault, a wrap is not the one the
     *     log announced or does not open, or an item does not verify
     */
    public static OpenedVault openVault(
            RecoveryLog log, RecoveryKey key, RecoveryScope scope, VaultMaterial m) {
        return open(log, key, scope, m, false, null);
    }

    /**
     * As {@link #openVault}, for items a server served for a released scope: they must also be
     * exactly the items the vault's signed {@code head} lists (checked as a fresh device's pull
     * checks it), so a server that withholds, adds or rolls back an item is caught.
     *
     * @param head the vault's signed head as served with the items (null only for a vault without
     *     items)
     * @throws RecoveryException also if the head does not verify or the items do not match it
     */
    public static OpenedVault openServed(
            RecoveryLog log,
            RecoveryKey key,
            RecoveryScope scope,
            VaultMaterial m,
            VaultHeadResponse head) {
        return open(log, key, scope, m, true, head);
    }

    private static OpenedVault open(
            RecoveryLog log,
            RecoveryKey key,
            RecoveryScope scope,
            VaultMaterial m,
            boolean checkHead,
            VaultHeadResponse head) {
        requireCovered(log, scope, m.vaultId());
        Map<String, ItemPass.Checked> checked =
                ItemPass.check(log, m.vaultId(), m.items(), checkHead);
        if (checkHead) {
            requireHead(log, m.vaultId(), head, checked, Optional.empty());
        }
        return openChecked(log, key, m, checked);
    }

    static void requireCovered(RecoveryLog log, RecoveryScope scope, String vaultId) {
        if (!covers(scope, log.state().teamId(), vaultId)) {
            throw new RecoveryException("the request's scope does not cover vault " + vaultId);
        }
    }

    /**
     * The checked items must be exactly those {@code head} lists, and it must not be older than
     * {@code pinned} (checked as a fresh device's pull checks it).
     */
    static Optional<VaultHeadPin> requireHead(
            RecoveryLog log,
            String vaultId,
            VaultHeadResponse head,
            Map<String, ItemPass.Checked> checked,
            Optional<VaultHeadPin> pinned) {
        try {
            return ServedHead.verify(
                    log.entries(),
                    log.state().teamId(),
                    vaultId,
                    head,
                    ItemPass.hashes(checked),
                    pinned);
        } catch (SecurityAlert e) {
            throw new RecoveryException(
                    "the items served for vault "
                            + vaultId
                            + " are not the ones its signed head lists (an item withheld,"
                            + " added or rolled back): "
                            + e.getMessage(),
                    e);
        }
    }

    /** Opens the vault key of every version a live checked item uses, then the items. */
    static OpenedVault openChecked(
            RecoveryLog log,
            RecoveryKey key,
            VaultMaterial m,
            Map<String, ItemPass.Checked> items) {
        Map<Integer, VaultKey> keys = new HashMap<>();
        try {
            for (ItemPass.Checked c : items.values()) {
                if (!c.response().deleted()) {
                    keys.computeIfAbsent(c.response().keyVersion(), v -> openKey(log, key, m, v));
                }
            }
            return new OpenedVault(m.vaultId(), m.keyVersion(), ItemPass.open(keys, items));
        } finally {
            keys.values().forEach(VaultKey::close);
        }
    }

    /** The vault key of {@code m}'s current version (the caller closes it). */
    public static VaultKey openKey(RecoveryLog log, RecoveryKey key, VaultMaterial m) {
        return openKey(log, key, m, m.keyVersion());
    }

    /** The vault key of {@code version} from its wrap in {@code m} (the caller closes it). */
    public static VaultKey openKey(RecoveryLog log, RecoveryKey key, VaultMaterial m, int version) {
        RecoveryLog.RecoveryWrap announced =
                log.wrap(m.vaultId(), version)
                        .orElseThrow(
                                () ->
                                        new RecoveryException(
                                                "no wrap of vault "
                                                        + m.vaultId()
                                                        + " key version "
                                                        + version
                                                        + " to the recovery key is in the log"));
        byte[] wrap = m.wrap(version);
        if (wrap == null) {
            throw new RecoveryException(
                    "key version " + version + " of vault " + m.vaultId() + " was not released");
        }
        if (!ConstantTime.equals(Sha256.hash(wrap), announced.digest())) {
            throw new RecoveryException("the vault's recovery wrap is not the one the log names");
        }
        try {
            return key.openVaultKey(
                    wrap,
                    new VaultKeyWrap.Binding(
                            log.state().teamId(),
                            m.vaultId(),
                            version,
                            RecoveryKey.RECIPIENT_ID,
                            key.publicKey()),
                    announced.sender().encryptionKey());
        } catch (CryptoException e) {
            throw new RecoveryException(
                    "the vault's recovery wrap does not open with this recovery key");
        }
    }

    /** One live item, checked and opened (an offline kit's items are opened one by one). */
    static ItemContent openItem(
            RecoveryLog log, VaultKey vaultKey, String vaultId, ItemResponse r) {
        if (r.deleted()) {
            throw new RecoveryException("an item does not belong to this vault key");
        }
        return RecoveredItem.open(vaultKey, RecoveredItem.verified(log, vaultId, r), r);
    }
}
