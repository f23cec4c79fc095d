package dev.strongroom.client.sync;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.model.log.LogVerificationException;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.vault.VaultHead;
import dev.strongroom.model.wire.VaultHeadResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-head check a fresh device's pull applies ({@link VaultVerifier#head} with no pin, then
 * {@link VaultVerifier#requireMatchesHashes}), for items that reach a client outside a pull: those
 * a released recovery scope serves to a requester without a grant. The head must be signed by a
 * member who could write the vault at the log position it names, and the items must be exactly the
 * ones it lists, so a server cannot withhold, add or roll back one.
 */
public final class ServedHead {

    private ServedHead() {}

    /**
     * @param log the team's membership log from genesis (verified again here, against its states)
     * @param revisionHashes every served item's latest revision hash, tombstones included
     * @return the verified head
     * @throws SecurityAlert if the head or the items do not verify, or items come without a head
     */
    public static Optional<VaultHead> verify(
            List<SignedLogEntry> log,
            String teamId,
            String vaultId,
            VaultHeadResponse head,
            Map<String, byte[]> revisionHashes) {
        if (head == null) {
            if (!revisionHashes.isEmpty()) {
                throw new SecurityAlert(
                        SecurityAlertCode.ITEM_TAMPERING,
                        "vault " + vaultId + ": items but no head");
            }
            return Optional.empty();
        }
        LogHistory history;
        try {
            history = LogHistory.fromGenesis(log);
        } catch (LogVerificationException e) {
            throw Alerts.log(teamId, e);
        }
        VaultVerifier verifier = new VaultVerifier(teamId, vaultId, null, null, history);
        VaultHead verified;
        try {
            verified = verifier.head(head, Optional.empty()).head();
        } catch (LogAheadException e) {
            throw new SecurityAlert(
                    SecurityAlertCode.UNAUTHORIZED_CHANGE,
                    e.getMessage() + " names a log position past the verified log");
        }
        verifier.requireMatchesHashes(verified, revisionHashes);
        return Optional.of(verified);
    }
}
