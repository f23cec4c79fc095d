package dev.strongroom.client.sync;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.model.log.LogVerificationException;
import dev.strongroom.model.log.TeamState;

/**
 * Reads a team's name as this account (docs/CRYPTO.md, "Team names"). The log verifier checks that
 * every member got a seal; only the member can check that its own opens. A pull checks it for every
 * team whose log moved, so a forged or swapped seal signed into the log by a member (or a seal the
 * server altered, which already breaks the entry's signature) is an alert and nothing of the pull
 * is applied.
 */
public final class TeamNameCheck {

    private TeamNameCheck() {}

    /**
     * The name this account reads.
     *
     * @throws SecurityAlert TAMPERED_DATA if the seal for this account does not open
     */
    public static String read(TeamState state, String me, IdentityKeys identity) {
        try {
            return state.name(me, identity);
        } catch (LogVerificationException e) {
            throw new SecurityAlert(SecurityAlertCode.TAMPERED_DATA, e.getMessage());
        }
    }

    /** The name, or a placeholder, for a team this account is not (or no longer) a member of. */
    static String readOrPlaceholder(TeamState state, String me, IdentityKeys identity) {
        try {
            return state.name(me, identity);
        } catch (LogVerificationException e) {
            return "(team " + state.teamId() + ", name not readable)";
        }
    }
}
