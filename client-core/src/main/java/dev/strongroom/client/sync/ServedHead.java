package dev.strongroom.client.sync;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.cache.VaultHeadPin;
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
        return verify(log, teamId, vaultId, head, revisionHashes, Optional.empty())
                .map(VaultHeadPin::head);
    }

    /**
     * As {@link #verify(List, String, String, VaultHeadResponse, Map)}, with a head seen before
     * (items read ahead of a recovery's release): the served head must not be older than it.
     *
     * @return the verified head with its signature, to pin
     * @throws SecurityAlert also if the head is older than {@code pinned}
     */
    public static Optional<VaultHeadPin> verify(
            List<SignedLogEntry> log,
            String teamId,
            String vaultId,
            VaultHeadResponse head,
            Map<String, byte[]> revisionHashes,
            Optional<VaultHeadPin> pinned) {
        if (head == null) {
            if (pinned.isPresent()) {
                throw new SecurityAlert(
                        SecurityAlertCode.HEAD_ROLLBACK,
                        "vault " + vaultId + ": no head, though one was seen before");
            }
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
        VaultHeadPin verified;
        try {
            verified = verifier.head(head, pinned);
        } catch (LogAheadException e) {
            throw new SecurityAlert(
                    SecurityAlertCode.UNAUTHORIZED_CHANGE,
                    e.getMessage() + " names a log position past the verified log");
        }
        verifier.requireMatchesHashes(verified.head(), revisionHashes);
        return Optional.of(verified);
    }
}
