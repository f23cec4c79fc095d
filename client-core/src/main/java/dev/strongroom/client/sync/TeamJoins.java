package dev.strongroom.client.sync;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.keys.PublicBundle;
import java.util.Optional;

/**
 * How a device records that its account chose to be in a team, so that {@link SyncEngine#pull()}
 * syncs it ({@link TeamAdmission}). The team package calls these after the person's decision: a
 * team created, an invite accepted by code, or a team joined after checking who added the account.
 */
public final class TeamJoins {

    private final SyncEngine engine;
    private final JoinedTeams joined;

    TeamJoins(SyncEngine engine, JoinedTeams joined) {
        this.engine = engine;
        this.joined = joined;
    }

    /**
     * Pins a team's genesis as joined on this device. A different genesis already pinned (here or
     * in the cache) is a {@code LOG_FORK}: a genesis never changes.
     */
    public void join(String teamId, byte[] genesisHash, String how) {
        Optional<byte[]> cached = engine.cache().pinnedGenesis(teamId);
        Optional<byte[]> pinned =
                joined.get(teamId).map(JoinedTeams.Joined::genesis).filter(g -> g.length > 0);
        for (Optional<byte[]> known : java.util.List.of(cached, pinned)) {
            if (known.isPresent() && !ConstantTime.equals(known.get(), genesisHash)) {
                throw new SecurityAlert(
                        SecurityAlertCode.LOG_FORK,
                        "team " + teamId + " has another genesis than the one pinned here");
            }
        }
        joined.put(teamId, new JoinedTeams.Joined(how, genesisHash.clone(), "", new byte[0]));
    }

    /**
     * Records an invite accepted by code: the team is synced once its log holds an add_member for
     * this account signed by {@code inviter}, the key the code authenticated.
     */
    public void acceptedInvite(String teamId, PublicBundle inviter) {
        if (joined.get(teamId).isPresent()) {
            return;
        }
        joined.put(
                teamId,
                new JoinedTeams.Joined(
                        "invite_code",
                        new byte[0],
                        inviter.accountId(),
                        inviter.fingerprint().digest()));
    }

    /**
     * Fetches and verifies a team's whole log as the server serves it now and says who added this
     * account, for a person to decide whether to join. Nothing is cached.
     */
    public UnjoinedTeam inspect(String teamId) {
        return engine.inspect(teamId);
    }
}
