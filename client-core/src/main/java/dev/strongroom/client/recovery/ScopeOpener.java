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

    /**
     * @throws RecoveryException if the scope does not cover the vault, its wrap is not the one the
     *     log announced or does not open, or an item does not verify
     */
    public static OpenedVault openVault(
            RecoveryLog log, RecoveryKey key, RecoveryScope scope, VaultMaterial m) {
        String teamId = log.state().teamId();
        if (!covers(scope, teamId, m.vaultId())) {
            throw new RecoveryException("the request's scope does not cover vault " + m.vaultId());
        }
        Map<String, ItemContent> items = new HashMap<>();
        try (VaultKey vaultKey = openKey(log, key, m)) {
            for (ItemResponse r : m.items()) {
                if (!r.deleted()) {
                    items.put(r.itemId().toString(), openItem(log, vaultKey, m.vaultId(), r));
                }
            }
        } catch (RuntimeException e) {
            items.values().forEach(ItemContent::close);
            throw e;
        }
        return new OpenedVault(m.vaultId(), m.keyVersion(), items);
    }

    /** The vault key of {@code m}'s version (the caller closes it). */
    public static VaultKey openKey(RecoveryLog log, RecoveryKey key, VaultMaterial m) {
        RecoveryLog.RecoveryWrap announced =
                log.wrap(m.vaultId(), m.keyVersion())
                        .orElseThrow(
                                () ->
                                        new RecoveryException(
                                                "no wrap of vault "
                                                        + m.vaultId()
                                                        + " to the recovery key is in the log"));
        byte[] wrap = m.recoveryWrap();
        if (!ConstantTime.equals(Sha256.hash(wrap), announced.digest())) {
            throw new RecoveryException("the vault's recovery wrap is not the one the log names");
        }
        try {
            return key.openVaultKey(
                    wrap,
                    new VaultKeyWrap.Binding(
                            log.state().teamId(),
                            m.vaultId(),
                            m.keyVersion(),
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
        if (!vaultId.equals(String.valueOf(r.vaultId())) || r.keyVersion() != vaultKey.version()) {
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
