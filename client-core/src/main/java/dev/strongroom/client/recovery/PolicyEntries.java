package dev.strongroom.client.recovery;

import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.LogEntryBody;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.wire.Base64Url;

/** Signs a set_recovery_policy entry on top of the engine's verified (freshly pulled) state. */
public final class PolicyEntries {

    private PolicyEntries() {}

    public static SignedLogEntry sign(SyncEngine engine, String teamId, PolicyDraft draft) {
        TeamState s = engine.team(teamId).orElseThrow();
        LogEntryBody body =
                new LogEntryBody(
                        LogEntryBody.FORMAT,
                        teamId,
                        s.seq() + 1,
                        Base64Url.encode(s.headHash()),
                        engine.session().accountId().toString(),
                        System.currentTimeMillis(),
                        (LogAction) draft.action());
        return SignedLogEntry.sign(body, engine.session().identity());
    }
}
