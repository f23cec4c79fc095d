package dev.strongroom.client.sync;

import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.crypto.keys.PublicBundle;

/**
 * A team the server lists for this account that the account never created, accepted or joined here:
 * its log verifies, but it was not synced. Either someone (or the server, with an account it made)
 * added this account on its own, or a person added it after comparing fingerprints and this device
 * has not joined yet. {@link #alert()} says so; joining takes a person's decision ({@code
 * TeamService.join}, which needs the adder's key verified).
 *
 * @param teamId the team
 * @param name the team's name in its genesis entry (chosen by whoever founded it)
 * @param addedBy the verified bundle of the member who signed this account's add_member entry
 * @param genesisHash the hash of the team's genesis entry, to pin when joining
 */
public record UnjoinedTeam(String teamId, String name, PublicBundle addedBy, byte[] genesisHash) {

    public UnjoinedTeam {
        genesisHash = genesisHash.clone();
    }

    @Override
    public byte[] genesisHash() {
        return genesisHash.clone();
    }

    /** The alert's kind: security state (a membership) nobody on this side authorised. */
    public SecurityAlertCode code() {
        return SecurityAlertCode.UNAUTHENTICATED_STATE;
    }

    /** One plain sentence for the person, naming the problem. */
    public String alert() {
        return code().description()
                + ": the server lists team "
                + teamId
                + " (added by "
                + addedBy.email()
                + ") but this account never accepted it; it was not synced";
    }

    @Override
    public String toString() {
        return "UnjoinedTeam[" + teamId + " by " + addedBy.accountId() + "]";
    }
}
