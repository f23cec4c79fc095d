package dev.strongroom.client.recovery;

import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.recovery.VerifiedRecoveryRequest;
import dev.strongroom.model.wire.RecoveryRequestView;
import java.util.ArrayList;
import java.util.List;

/**
 * Which requests used the current recovery key: those of the current policy with M approvals (the
 * server withholds the shares until then; from then on the requester can combine at any time) and
 * no veto. Each request's signature is checked against the verified log, so a server cannot make a
 * key look used; it could hide a use, which the audit log and the approvers themselves still show.
 */
final class RecoveryUses {

    private RecoveryUses() {}

    static List<RecoveryStatus.RecoveryUse> of(RecoveryLog log, List<RecoveryRequestView> all) {
        LogAction.SetRecoveryPolicy p = log.policy();
        List<RecoveryStatus.RecoveryUse> out = new ArrayList<>();
        for (RecoveryRequestView v : all) {
            if (v.policyVersion() != p.policyVersion()
                    || v.approvals() < p.threshold()
                    || RecoveryRequestView.VETOED.equals(v.status())) {
                continue;
            }
            VerifiedRecoveryRequest r = RecoveryRequests.verify(log, v.request());
            out.add(
                    new RecoveryStatus.RecoveryUse(
                            r.body().requestId(),
                            RecoveryService.email(log, r.body().requesterId()),
                            r.body().scope().kind() + ":" + r.body().scope().target(),
                            r.body().createdAt()));
        }
        return out;
    }
}
