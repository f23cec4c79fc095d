package dev.strongroom.client.machine;

import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.LogEntryBody;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.wire.Base64Url;

/**
 * Signs the membership-log entry that follows a freshly pulled verified state. The machine
 * endpoints append the entry themselves (in the same transaction as the machine row), so unlike
 * other log writes it is sent with its machine request, not to {@code /log}. A stale state is
 * refused by the server (409); the caller may pull and try again.
 */
final class MachineEntries {

    private final SyncEngine engine;

    MachineEntries(SyncEngine engine) {
        this.engine = engine;
    }

    /** The verified state after a pull. */
    TeamState fresh(String teamId) {
        engine.pull();
        return engine.team(teamId)
                .orElseThrow(() -> new IllegalArgumentException("no such team: " + teamId));
    }

    SignedLogEntry sign(TeamState state, LogAction action) {
        LogEntryBody body =
                new LogEntryBody(
                        LogEntryBody.FORMAT,
                        state.teamId(),
                        state.seq() + 1,
                        Base64Url.encode(state.headHash()),
                        engine.session().accountId().toString(),
                        System.currentTimeMillis(),
                        action);
        return SignedLogEntry.sign(body, engine.session().identity());
    }
}
