package dev.strongroom.client.team;

import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.sync.TeamNameCheck;
import dev.strongroom.crypto.asym.X25519PublicKey;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.TeamNames;
import dev.strongroom.model.log.TeamState;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seals a team's name for the entries that need it: one seal for a new member (the name this
 * account reads, at the current version), or one per current member for a rename. Old teams whose
 * name is in clear take no seals.
 */
final class NameSeals {

    private final UnlockedSession session;
    private final String me;

    NameSeals(UnlockedSession session) {
        this.session = session;
        this.me = session.accountId().toString();
    }

    /** The current name sealed to {@code member}, or null for a team whose name is in clear. */
    String forNewMember(TeamState s, PublicBundle member) {
        if (!s.namesSealed()) {
            return null;
        }
        return TeamNames.seal(
                s.teamId(),
                s.nameVersion(),
                member.accountId(),
                member.encryptionKey(),
                session.identity(),
                TeamNameCheck.read(s, me, session.identity()));
    }

    /** A rename_team entry sealing {@code name} to every current member (keys from the log). */
    LogAction.RenameTeam rename(TeamState s, String name) {
        if (!s.namesSealed()) {
            throw new IllegalArgumentException(
                    "team " + s.teamId() + " predates sealed names and cannot be renamed");
        }
        TeamNames.requireValidName(name);
        int version = s.nameVersion() + 1;
        // Every member, and the machine accounts too so their sr:// references by name keep
        // working.
        Map<String, X25519PublicKey> recipients = new TreeMap<>();
        s.members().forEach((id, m) -> recipients.put(id, m.bundle().encryptionKey()));
        s.machines().forEach((id, m) -> recipients.put(id, m.bundle().encryptionKey()));
        Map<String, String> seals = new TreeMap<>();
        recipients.forEach(
                (id, key) ->
                        seals.put(
                                id,
                                TeamNames.seal(
                                        s.teamId(), version, id, key, session.identity(), name)));
        return new LogAction.RenameTeam(version, seals);
    }
}
