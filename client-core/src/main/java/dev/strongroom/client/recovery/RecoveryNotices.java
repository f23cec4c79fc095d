package dev.strongroom.client.recovery;

import dev.strongroom.client.api.ServerException;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.client.sync.TeamNameCheck;
import dev.strongroom.model.log.TeamState;
import java.util.ArrayList;
import java.util.List;

/**
 * The "recovery key was used" notice for every team at once, for plain sync: each team this account
 * is a member of whose verified log has a recovery policy is checked as {@code recovery status}
 * checks it ({@link RecoveryUses}: the requests of the current policy that reached M approvals,
 * each signature checked against the log), from the log this device already verified, without
 * another pull. A team whose requests cannot be fetched or do not verify is named too: a sync must
 * not be where a use goes unmentioned.
 */
public final class RecoveryNotices {

    /**
     * One team that needs telling: the uses of its current recovery key (until an owner re-keys),
     * or why they could not be checked ({@code unchecked}, null when they were).
     */
    public record TeamNotice(
            String teamId,
            String teamName,
            List<RecoveryStatus.RecoveryUse> uses,
            String unchecked) {}

    private RecoveryNotices() {}

    /** The teams whose recovery key was used and not yet re-keyed, or could not be checked. */
    public static List<TeamNotice> after(SyncEngine engine) {
        String me = engine.session().accountId().toString();
        RecoveryApi api = new RecoveryApi(engine.session());
        List<TeamNotice> out = new ArrayList<>();
        for (String teamId : engine.teams()) {
            TeamState state = engine.team(teamId).orElse(null);
            if (state == null
                    || state.recoveryPolicy().isEmpty()
                    || !state.members().containsKey(me)) {
                continue;
            }
            String name = TeamNameCheck.read(state, me, engine.session().identity());
            try {
                RecoveryLog log = RecoveryLog.verify(engine.cache().logEntries(teamId));
                List<RecoveryStatus.RecoveryUse> uses =
                        RecoveryUses.of(log, api.requests(teamId, null));
                if (!uses.isEmpty()) {
                    out.add(new TeamNotice(teamId, name, uses, null));
                }
            } catch (RecoveryException | ServerException e) {
                out.add(new TeamNotice(teamId, name, List.of(), e.getMessage()));
            }
        }
        return out;
    }
}
