package dev.strongroom.client.recovery;

import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.crypto.recovery.RecoveryKey;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.RecoveryVaultWraps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * From released vault keys to readable items: every key version the server released for the vault
 * (each checked against the wrap the log announced when it is used), and the items: from this
 * device's verified cache when the requester holds a grant on the vault, otherwise from the
 * server's released-scope endpoint ({@code /requests/{r}/vaults/{v}/items}), checked against the
 * vault's signed head served with them (or, when they were read and checked ahead of the release,
 * only those changed since: {@link ScopeReadAhead}). A requester without access is never granted
 * the vault: a grant would survive the re-key's rotation of the opened vault, turning a one-off,
 * audited opening into standing access.
 */
final class VaultAccess {

    private VaultAccess() {}

    static OpenedVault open(
            SyncEngine engine,
            RecoveryApi api,
            RecoveryLog log,
            RecoveryKey key,
            RecoveryScope scope,
            String requestId,
            RecoveryVaultWraps released,
            PrefetchedVault ahead) {
        String teamId = log.state().teamId();
        String vaultId = String.valueOf(released.vaultId());
        TeamState.Vault vault = log.state().vaults().get(vaultId);
        if (vault == null || !ScopeOpener.covers(scope, teamId, vaultId)) {
            throw new RecoveryException("the server released a vault outside the request's scope");
        }
        Map<Integer, byte[]> wraps = new TreeMap<>();
        released.wraps().forEach(w -> wraps.put(w.keyVersion(), w.wrap()));
        String me = engine.session().accountId().toString();
        if (vault.grants().get(me) != null) {
            List<ItemResponse> items = new ArrayList<>();
            for (CachedItem i : engine.cache().items(vaultId)) {
                // a tombstone has nothing to open (and its response would claim a live item)
                if (!i.deleted()) {
                    items.add(KitVaults.response(i));
                }
            }
            return ScopeOpener.openVault(
                    log, key, scope, new VaultMaterial(vaultId, vault.keyVersion(), wraps, items));
        }
        if (ahead != null) {
            RecoveryApi.ServedVault since =
                    api.recoveredVault(teamId, requestId, vaultId, ahead.cursor());
            return ScopeReadAhead.open(
                    log,
                    key,
                    scope,
                    ahead,
                    new VaultMaterial(vaultId, vault.keyVersion(), wraps, since.items()),
                    since.head());
        }
        RecoveryApi.ServedVault served = api.recoveredVault(teamId, requestId, vaultId);
        return ScopeOpener.openServed(
                log,
                key,
                scope,
                new VaultMaterial(vaultId, vault.keyVersion(), wraps, served.items()),
                served.head());
    }

    static boolean canRotate(SyncEngine engine, RecoveryLog log, String vaultId) {
        String me = engine.session().accountId().toString();
        TeamState s = log.state();
        TeamState.Vault v = s.vaults().get(vaultId);
        if (v == null || v.grants().get(me) == null) {
            return false;
        }
        return v.grants().get(me).permission() == Permission.WRITE
                || s.roleOf(me).filter(r -> r != Role.MEMBER).isPresent();
    }
}
