package dev.strongroom.client.recovery;

import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.sync.ItemContents;
import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.crypto.keys.VaultKeyWrap;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.crypto.recovery.RecoveryKey;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.vault.ItemRevision;
import dev.strongroom.model.wire.ItemResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens exactly what a request's scope allows with the combined recovery key: a vault's key (its
 * wrap must be the one the verified log announced, sealed by the member the log names) and then its
 * items, each checked against its author's signature before its content is opened.
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

    /** From this many items on, they are verified and opened in parallel (as sync does). */
    static final int PARALLEL_FROM = 64;

    /**
     * Opens every live item with the key version it was written under (each version's wrap checked
     * against the log). The per-item work (a signature check, an item-key unwrap, a decryption) is
     * independent, so a large vault is opened on every core.
     *
     * @throws RecoveryException if the scope does not cover the vault, a wrap is not the one the
     *     log announced or does not open, or an item does not verify
     */
    public static OpenedVault openVault(
            RecoveryLog log, RecoveryKey key, RecoveryScope scope, VaultMaterial m) {
        String teamId = log.state().teamId();
        if (!covers(scope, teamId, m.vaultId())) {
            throw new RecoveryException("the request's scope does not cover vault " + m.vaultId());
        }
        List<ItemResponse> live = m.items().stream().filter(r -> !r.deleted()).toList();
        Map<Integer, VaultKey> keys = new HashMap<>();
        List<Opened> opened = List.of();
        try {
            for (ItemResponse r : live) {
                keys.computeIfAbsent(r.keyVersion(), v -> openKey(log, key, m, v));
            }
            Map<Integer, VaultKey> ready = Map.copyOf(keys);
            opened =
                    (live.size() >= PARALLEL_FROM ? live.parallelStream() : live.stream())
                            .map(r -> Opened.of(log, ready, m.vaultId(), r))
                            .toList();
            Map<String, ItemContent> items = new HashMap<>();
            for (int k = 0; k < live.size(); k++) {
                Opened o = opened.get(k);
                if (o.error() != null) {
                    throw o.error();
                }
                items.put(live.get(k).itemId().toString(), o.content());
            }
            return new OpenedVault(m.vaultId(), m.keyVersion(), items);
        } catch (RuntimeException e) {
            opened.stream().filter(o -> o.content() != null).forEach(o -> o.content().close());
            throw e;
        } finally {
            keys.values().forEach(VaultKey::close);
        }
    }

    /** One item's outcome: kept per item so the others opened in parallel can still be wiped. */
    private record Opened(ItemContent content, RecoveryException error) {
        static Opened of(
                RecoveryLog log, Map<Integer, VaultKey> keys, String vaultId, ItemResponse r) {
            try {
                return new Opened(openItem(log, keys.get(r.keyVersion()), vaultId, r), null);
            } catch (RecoveryException e) {
                return new Opened(null, e);
            }
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

    static ItemContent openItem(
            RecoveryLog log, VaultKey vaultKey, String vaultId, ItemResponse r) {
        if (vaultKey == null
                || !vaultId.equals(String.valueOf(r.vaultId()))
                || r.keyVersion() != vaultKey.version()) {
            throw new RecoveryException("an item does not belong to this vault key");
        }
        ItemRevision revision =
                ItemRevision.of(
                        log.state().teamId(),
                        vaultId,
                        r.itemId().toString(),
                        r.revision(),
                        r.keyVersion(),
                        r.itemKeyWrap(),
                        r.content(),
                        false,
                        r.authorId().toString(),
                        r.logSeq());
        PublicBundle author =
                log.everMember(r.authorId().toString())
                        .orElseThrow(() -> new RecoveryException("an item's author is unknown"));
        if (!revision.verify(author.signingKey(), r.signature())) {
            throw new RecoveryException("an item's signature does not verify");
        }
        CachedItem item = CachedItem.of(revision, r.itemKeyWrap(), r.content(), r.signature());
        byte[] plain;
        try {
            plain = ItemContents.open(vaultKey, item);
        } catch (CryptoException e) {
            throw new RecoveryException("an item does not open with the vault key");
        }
        try {
            return ItemContent.fromBytes(plain);
        } finally {
            Bytes.wipe(plain);
        }
    }
}
