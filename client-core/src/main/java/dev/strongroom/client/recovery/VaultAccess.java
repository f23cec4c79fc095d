package dev.strongroom.client.recovery;

import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.crypto.keys.VaultKeyWrap;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.LogEntryBody;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.wire.AppendLogRequest;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.KeyWrapUpload;
import dev.strongroom.model.wire.RecoveryVaultWraps;
import java.util.ArrayList;
import java.util.List;

/**
 * From a released vault key to readable items: opens the current key version's recovery wrap
 * (checked against the log), and when this account holds no grant on the vault, grants itself read
 * access with a signed grant_vault entry wrapping that key to its own verified key, so the server
 * serves the ciphertext and the step is on the record. Then opens every item.
 */
final class VaultAccess {

    private VaultAccess() {}

    static OpenedVault open(
            SyncEngine engine,
            RecoveryLog log,
            dev.strongroom.crypto.recovery.RecoveryKey key,
            RecoveryScope scope,
            RecoveryVaultWraps wraps) {
        String teamId = log.state().teamId();
        String vaultId = String.valueOf(wraps.vaultId());
        TeamState.Vault vault = log.state().vaults().get(vaultId);
        if (vault == null || !ScopeOpener.covers(scope, teamId, vaultId)) {
            throw new RecoveryException("the server released a vault outside the request's scope");
        }
        int version = vault.keyVersion();
        byte[] wrap =
                wraps.wraps().stream()
                        .filter(w -> w.keyVersion() == version)
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new RecoveryException(
                                                "the server released no current key of vault "
                                                        + vaultId))
                        .wrap();
        String me = engine.session().accountId().toString();
        if (vault.grants().get(me) == null) {
            try (VaultKey vk =
                    ScopeOpener.openKey(
                            log, key, new VaultMaterial(vaultId, version, wrap, List.of()))) {
                grantSelf(engine, teamId, vaultId, vk);
            }
        }
        List<ItemResponse> items = new ArrayList<>();
        for (CachedItem i : engine.cache().items(vaultId)) {
            items.add(KitVaults.response(i));
        }
        return ScopeOpener.openVault(
                log, key, scope, new VaultMaterial(vaultId, version, wrap, items));
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

    private static void grantSelf(SyncEngine engine, String teamId, String vaultId, VaultKey key) {
        TeamState s = engine.team(teamId).orElseThrow();
        String me = engine.session().accountId().toString();
        if (s.roleOf(me).filter(r -> r != Role.MEMBER).isEmpty()) {
            throw new RecoveryException(
                    "the key of vault "
                            + vaultId
                            + " opened, but reading its items needs a grant that only an owner or"
                            + " admin can sign");
        }
        byte[] wrap =
                VaultKeyWrap.seal(
                        key,
                        new VaultKeyWrap.Binding(
                                teamId,
                                vaultId,
                                key.version(),
                                me,
                                engine.session().identity().encryptionPublicKey()),
                        engine.session().identity());
        LogEntryBody body =
                new LogEntryBody(
                        LogEntryBody.FORMAT,
                        teamId,
                        s.seq() + 1,
                        Base64Url.encode(s.headHash()),
                        me,
                        System.currentTimeMillis(),
                        new LogAction.GrantVault(
                                vaultId, me, Permission.READ, Base64Url.encode(Sha256.hash(wrap))));
        engine.api()
                .append(
                        teamId,
                        new AppendLogRequest(
                                SignedLogEntry.sign(body, engine.session().identity()),
                                null,
                                List.of(new KeyWrapUpload(key.version(), me, wrap)),
                                List.of()));
        engine.pull();
    }
}
