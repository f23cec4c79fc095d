package dev.strongroom.client.sync;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.cache.LocalCache;
import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.LogEntryBody;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.UnverifiedLogEntry;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a team the server lists, verified from its genesis but not yet pinned in the
 * cache, may be synced (docs/SECURITY.md, gap 3). Being in a team's log is not enough: anyone the
 * server lets in, or the server with an account it made, can found a team, add this account with
 * its genuine public bundle and grant it a vault whose key they know. A team is synced only if
 *
 * <ul>
 *   <li>the cache's pins know its genesis (this device synced it before, the pin file survives a
 *       rebuild), or
 *   <li>{@link JoinedTeams} pins its genesis (created, or joined after a person checked who added
 *       this account), which must be the served one, else {@code LOG_FORK}, or
 *   <li>{@link JoinedTeams} holds an invite this account accepted by code, and the add_member entry
 *       for this account is signed by that very inviter (the key the code authenticated), or
 *   <li>this account signed its genesis entry (it founded the team, maybe on another device).
 * </ul>
 *
 * A team none of these vouch for is looked up once more in the account's sealed joined-teams record
 * (another device of the account may have joined it) before it is refused.
 *
 * <p>Any other team is left out of the sync and reported as an {@link UnjoinedTeam}.
 */
final class TeamAdmission {

    private final LocalCache cache;
    private final JoinedTeams joined;
    private final String me;
    private final IdentityKeys identity;

    TeamAdmission(LocalCache cache, JoinedTeams joined, String me, IdentityKeys identity) {
        this.cache = cache;
        this.joined = joined;
        this.me = me;
        this.identity = identity;
    }

    /** Empty if the team may be synced; otherwise the team as it was refused. */
    Optional<UnjoinedTeam> check(String teamId, LogHistory log) {
        if (cache.pinnedGenesis(teamId).isPresent()) {
            return Optional.empty(); // pullLog already compared it with the served genesis
        }
        Optional<UnjoinedTeam> refused = checkJoined(teamId, log);
        if (refused.isPresent() && joined.get(teamId).isEmpty() && joined.refresh()) {
            // another device of this account may have joined it (the sealed account record)
            return checkJoined(teamId, log);
        }
        return refused;
    }

    private Optional<UnjoinedTeam> checkJoined(String teamId, LogHistory log) {
        byte[] genesis = log.current().genesisHash();
        Optional<JoinedTeams.Joined> record = joined.get(teamId);
        if (record.isPresent() && record.get().genesis().length > 0) {
            if (!ConstantTime.equals(record.get().genesis(), genesis)) {
                throw new SecurityAlert(
                        SecurityAlertCode.LOG_FORK,
                        "team "
                                + teamId
                                + " has another genesis than the one pinned when this account"
                                + " joined it");
            }
            return Optional.empty();
        }
        UnjoinedTeam team = describe(teamId, log);
        if (record.isPresent() && byInviter(record.get(), team.addedBy())) {
            return Optional.empty();
        }
        if (body(log.entries().get(0)).authorId().equals(me)) {
            return Optional.empty();
        }
        return Optional.of(team);
    }

    /**
     * The team as a person must judge it: its name (as sealed to this account by whoever added it)
     * and who added this account.
     */
    UnjoinedTeam describe(String teamId, LogHistory log) {
        List<SignedLogEntry> entries = log.entries();
        PublicBundle addedBy =
                log.at(0).orElseThrow().members().values().iterator().next().bundle();
        for (int seq = 1; seq < entries.size(); seq++) {
            LogEntryBody b = body(entries.get(seq));
            if (b.action() instanceof LogAction.AddMember a && a.member().accountId().equals(me)) {
                addedBy = log.at(seq - 1).orElseThrow().members().get(b.authorId()).bundle();
            }
        }
        return new UnjoinedTeam(
                teamId,
                TeamNameCheck.readOrPlaceholder(log.current(), me, identity),
                addedBy,
                log.current().genesisHash());
    }

    private static boolean byInviter(JoinedTeams.Joined record, PublicBundle addedBy) {
        return !record.inviterId().isEmpty()
                && record.inviterId().equals(addedBy.accountId())
                && addedBy.fingerprint().matches(record.inviterFingerprint());
    }

    /** The body of an entry the log verifier has already checked. */
    private static LogEntryBody body(SignedLogEntry e) {
        return UnverifiedLogEntry.decode(e).allegedBody();
    }
}
