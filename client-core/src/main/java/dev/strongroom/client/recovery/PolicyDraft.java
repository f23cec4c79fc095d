package dev.strongroom.client.recovery;

import dev.strongroom.model.log.LogAction;
import java.util.Map;

/**
 * A recovery policy ready to sign: the set_recovery_policy action and each approver's share sealed
 * to their verified key (R1), whose SHA-256 the action names. Holds no secret: the recovery private
 * key existed whole only while the draft was made.
 */
public record PolicyDraft(LogAction.SetRecoveryPolicy action, Map<String, byte[]> sealedShares) {

    public PolicyDraft {
        sealedShares = Map.copyOf(sealedShares);
    }
}
