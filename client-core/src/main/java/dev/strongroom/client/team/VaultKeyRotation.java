package dev.strongroom.client.team;

import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.crypto.keys.ItemKey;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.crypto.keys.VaultKeyWrap;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.vault.ItemRevision;
import dev.strongroom.model.vault.VaultHead;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.ItemRewrap;
import dev.strongroom.model.wire.KeyWrapUpload;
import dev.strongroom.model.wire.VaultHeadRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rotates one vault's key: version n+1 wrapped (HPKE auth mode) to exactly the grantees the
 * verified log names, with the bundles recorded in the log; every live item's key re-wrapped under
 * it as a new signed revision (contents are not re-encrypted: they are sealed afresh on their next
 * edit); all in one append; then a signed head over the new revisions. Only a writer of the vault
 * can do this, since it must open the item keys. A small sender of our own until the sync package's
 * key-rotation builder lands; the wire format is the server's.
 */
final class VaultKeyRotation {

    private final SyncEngine engine;
    private final LogWriter log;

    VaultKeyRotation(SyncEngine engine, LogWriter log) {
        this.engine = engine;
        this.log = log;
    }

    /** Rotates; returns the new key version. The caller pulls afterwards. */
    int rotate(TeamState state, String vaultId) {
        String teamId = state.teamId();
        String me = engine.session().accountId().toString();
        TeamState.Vault vault = state.vaults().get(vaultId);
        int version = vault.keyVersion() + 1;
        long seq = state.seq() + 1;
        Map<String, String> digests = new LinkedHashMap<>();
        List<KeyWrapUpload> wraps = new ArrayList<>();
        List<ItemRewrap> rewraps = new ArrayList<>();
        Map<String, byte[]> hashes = new HashMap<>();
        try (VaultKey next = VaultKey.generate(version)) {
            for (String grantee : vault.grants().keySet()) {
                byte[] wrap =
                        VaultKeyWrap.seal(
                                next,
                                new VaultKeyWrap.Binding(
                                        teamId,
                                        vaultId,
                                        version,
                                        grantee,
                                        bundleOf(state, grantee).encryptionKey()),
                                engine.session().identity());
                digests.put(grantee, Base64Url.encode(Sha256.hash(wrap)));
                wraps.add(new KeyWrapUpload(version, grantee, wrap));
            }
            for (CachedItem item : engine.cache().items(vaultId)) {
                if (item.deleted()) {
                    hashes.put(item.itemId(), item.revision().revisionHash(item.signature()));
                    continue;
                }
                VaultKey old = engine.vaultKey(vaultId, item.revision().keyVersion());
                byte[] wrap;
                try (ItemKey ik =
                        old.unwrapItemKey(item.wrappedItemKey(), vaultId, item.itemId())) {
                    wrap = next.wrapItemKey(ik, vaultId, item.itemId());
                }
                ItemRevision r =
                        ItemRevision.of(
                                teamId,
                                vaultId,
                                item.itemId(),
                                item.revisionNumber() + 1,
                                version,
                                wrap,
                                item.content(),
                                false,
                                me,
                                seq);
                byte[] sig = r.sign(engine.session().identity());
                hashes.put(item.itemId(), r.revisionHash(sig));
                rewraps.add(
                        new ItemRewrap(
                                UUID.fromString(item.itemId()), item.revisionNumber(), wrap, sig));
            }
        }
        log.append(state, new LogAction.RotateVaultKey(vaultId, version, digests), wraps, rewraps);
        long counter = engine.cache().vaultHead(vaultId).map(p -> p.head().counter()).orElse(0L);
        VaultHead head =
                new VaultHead(
                        teamId,
                        vaultId,
                        counter + 1,
                        version,
                        VaultHead.digestOf(hashes),
                        hashes.size(),
                        me,
                        seq);
        engine.api()
                .putHead(
                        vaultId,
                        new VaultHeadRequest(
                                head.counter(),
                                version,
                                head.itemsDigest(),
                                head.itemCount(),
                                seq,
                                head.sign(engine.session().identity())));
        return version;
    }

    private static PublicBundle bundleOf(TeamState state, String grantee) {
        TeamState.Member m = state.members().get(grantee);
        if (m != null) {
            return m.bundle();
        }
        TeamState.Machine machine = state.machines().get(grantee);
        if (machine != null) {
            return machine.bundle();
        }
        throw new UnsupportedOperationException(
                "rotating a vault granted to the recovery key is not supported yet");
    }
}
