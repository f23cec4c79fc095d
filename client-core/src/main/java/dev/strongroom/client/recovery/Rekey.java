package dev.strongroom.client.recovery;

import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.wire.RecoveryRequestView;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The re-key after a recovery ({@link BreakGlass#rekey}): rotates the vault keys that released
 * requests of the current policy opened (those this account can), then re-splits a new recovery key
 * and re-wraps every vault to it.
 */
final class Rekey {

    private Rekey() {}

    static RekeyReport run(
            RecoveryService service,
            SyncEngine engine,
            String teamId,
            List<String> approverIds,
            Integer threshold) {
        RecoveryLog log = service.log(teamId);
        LogAction.SetRecoveryPolicy p = log.policy();
        Set<String> opened = new LinkedHashSet<>();
        for (RecoveryRequestView v : service.api().requests(teamId, null)) {
            if (v.policyVersion() == p.policyVersion() && v.approvals() >= p.threshold()) {
                RecoveryScope s = v.scope();
                if (RecoveryScope.VAULT.equals(s.kind())) {
                    opened.add(s.target());
                } else if (RecoveryScope.TEAM.equals(s.kind())) {
                    opened.addAll(log.state().vaults().keySet());
                }
            }
        }
        List<String> rotated = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (String vaultId : opened) {
            if (VaultAccess.canRotate(engine, log, vaultId)) {
                engine.rotateVaultKey(vaultId);
                engine.pull();
                rotated.add(vaultId);
            } else {
                pending.add(vaultId);
            }
        }
        int version =
                service.setup(
                        teamId,
                        approverIds == null ? p.approverIds() : approverIds,
                        threshold == null ? p.threshold() : threshold,
                        p.delayHours(),
                        p.ownerVeto());
        return new RekeyReport(
                version, rotated, pending, service.status(teamId).reenrolmentDueEmails());
    }
}
