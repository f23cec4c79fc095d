package dev.strongroom.client.sync;

import dev.strongroom.model.log.TeamState;
import java.util.Objects;

/**
 * A vault this account can no longer read, found by a pull and removed from the cache in the same
 * batch as the log entries that ended the access: its items, history, key wraps, head pin and
 * cursor are gone. Queued writes to it are not dropped: they stay as {@link StrandedWrite}s for the
 * user to see (and copy elsewhere or discard).
 *
 * @param strandedWrites how many queued writes to this vault can no longer be sent
 */
public record VaultLoss(String vaultId, String teamId, Reason reason, int strandedWrites) {

    public VaultLoss {
        Objects.requireNonNull(vaultId, "vaultId");
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(reason, "reason");
    }

    /** Why access ended. */
    public enum Reason {
        /** A verified revoke_vault took this account's grant away. */
        REVOKED,
        /** A verified delete_vault deleted the vault for everyone. */
        DELETED,
        /** A verified remove_member removed this account from the team. */
        REMOVED_FROM_TEAM,
        /**
         * The server no longer lists the team and refuses its log: what a removed member sees,
         * since the log is closed to non-members. Not verifiable by this client; a server that lies
         * here only denies service, which it can always do, and the team's genesis pin is kept for
         * a later re-invitation.
         */
        TEAM_NOT_SERVED
    }

    /** The reason a verified team state gives for {@code me} having no grant on the vault. */
    static Reason reasonIn(TeamState state, String vaultId, String me) {
        if (state.deletedVaults().contains(vaultId)) {
            return Reason.DELETED;
        }
        return state.members().containsKey(me) ? Reason.REVOKED : Reason.REMOVED_FROM_TEAM;
    }
}
