package dev.strongroom.desktop.recovery;

import dev.strongroom.client.recovery.RecoveryStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The "recovery key was used" notice in plain words: shown in the break-glass window for a team
 * whose current recovery key reached M approvals (client-core's {@code RecoveryUses}, each request
 * verified against the team log) until an owner re-keys.
 */
final class UsedKeyNotice {

    private UsedKeyNotice() {}

    /** The notice for the team, or empty when its key was not used (or it has no policy). */
    static Optional<String> of(Optional<RecoveryStatus> status) {
        if (status.isEmpty() || !status.get().rekeyNeeded()) {
            return Optional.empty();
        }
        StringBuilder text =
                new StringBuilder("SECURITY NOTICE: this team's recovery key was used");
        for (RecoveryStatus.RecoveryUse use : status.get().recoveryKeyUsed()) {
            text.append(" · ")
                    .append(use.requesterEmail())
                    .append(" opened ")
                    .append(use.scope().startsWith("vault:") ? "a vault" : use.scope())
                    .append(" (request of ")
                    .append(Instant.ofEpochMilli(use.createdAt()).truncatedTo(ChronoUnit.MINUTES))
                    .append(')');
        }
        return Optional.of(
                text.append(
                                ". Until an owner re-keys (Setup tab: new split, opened vault keys"
                                        + " rotated), the approvers' shares can open it again.")
                        .toString());
    }
}
