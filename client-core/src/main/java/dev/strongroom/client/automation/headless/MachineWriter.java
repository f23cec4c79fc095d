package dev.strongroom.client.automation.headless;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.sync.QueuedWrite;
import dev.strongroom.client.sync.SnapshotPull;
import dev.strongroom.client.sync.SyncApi;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.vault.VaultHead;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.UpdateItemRequest;
import dev.strongroom.model.wire.VaultHeadRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * A machine's write of one field, signed with the machine's own key as a member's edit is: the next
 * revision of the item, sealed under the vault's current key with a fresh item key and signed at
 * the verified log position, sent with the revision it replaces (the server answers 409 if someone
 * else wrote the item meanwhile); then the next vault head, signed by the machine, over the
 * verified snapshot with this item's new revision. Other clients verify both like any writer's (the
 * author's write grant at that log position included).
 *
 * <p>The snapshot is exactly what the verified head covered, so the new head covers nothing the
 * machine did not verify. If another writer's head lands between the two requests the head is
 * refused (409) and the item stays written but unsealed until the next writer's head covers it, as
 * for an interrupted push.
 */
final class MachineWriter {

    private final SyncApi api;
    private final String teamId;
    private final String machineId;
    private final IdentityKeys identity;

    MachineWriter(SyncApi api, String teamId, String machineId, IdentityKeys identity) {
        this.api = api;
        this.teamId = teamId;
        this.machineId = machineId;
        this.identity = identity;
    }

    MachineSession.Written write(
            TeamState team, SnapshotPull.Vault vault, String itemId, ItemContent next) {
        String vaultId = vault.vaultId();
        CachedItem current =
                vault.items().stream()
                        .filter(i -> i.itemId().equals(itemId))
                        .findFirst()
                        .orElseThrow();
        int keyVersion = team.vaults().get(vaultId).keyVersion();
        VaultKey key = vault.keys().get(keyVersion);
        if (key == null) {
            throw new SecurityAlert(
                    SecurityAlertCode.UNAUTHORIZED_CHANGE,
                    "vault " + vaultId + ": no wrap of its current key for this machine");
        }
        long base = current.revision().revision();
        byte[] plain = next.toBytes();
        QueuedWrite w;
        try {
            w =
                    QueuedWrite.seal(
                            identity,
                            machineId,
                            teamId,
                            key,
                            vaultId,
                            itemId,
                            base + 1,
                            plain,
                            team.seq());
        } finally {
            Bytes.wipe(plain);
        }
        ItemResponse stored =
                api.updateItem(
                        vaultId,
                        itemId,
                        new UpdateItemRequest(
                                base,
                                w.keyVersion(),
                                w.itemKeyWrap(),
                                w.content(),
                                false,
                                w.signature(),
                                w.logSeq()));
        if (stored.revision() != w.revision()) {
            throw new SecurityAlert(
                    SecurityAlertCode.TAMPERED_DATA, "server stored another revision");
        }
        sealHead(team, vault, w);
        return new MachineSession.Written(vaultId, itemId, w.revision());
    }

    private void sealHead(TeamState team, SnapshotPull.Vault vault, QueuedWrite mine) {
        Map<String, byte[]> hashes = new HashMap<>();
        for (CachedItem i : vault.items()) {
            hashes.put(i.itemId(), i.revision().revisionHash(i.signature()));
        }
        hashes.put(mine.itemId(), mine.itemRevision().revisionHash(mine.signature()));
        long counter = vault.head() == null ? 1 : vault.head().counter() + 1;
        VaultHead head =
                new VaultHead(
                        teamId,
                        vault.vaultId(),
                        counter,
                        mine.keyVersion(),
                        VaultHead.digestOf(hashes),
                        hashes.size(),
                        machineId,
                        team.seq());
        api.putHead(
                vault.vaultId(),
                new VaultHeadRequest(
                        head.counter(),
                        head.keyVersion(),
                        head.itemsDigest(),
                        head.itemCount(),
                        head.logSeq(),
                        head.sign(identity)));
    }
}
