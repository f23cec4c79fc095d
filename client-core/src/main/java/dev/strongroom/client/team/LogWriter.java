package dev.strongroom.client.team;

import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.LogEntryBody;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.wire.AppendLogRequest;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.ItemRewrap;
import dev.strongroom.model.wire.KeyWrapUpload;
import java.util.List;

/**
 * Signs the next membership-log entry on top of the verified state and appends it with its
 * attachments, then pulls so the cache verifies and pins what the server accepted. The server
 * refuses an entry that does not follow its head (409): the caller pulls and decides again.
 */
final class LogWriter {

    private final SyncEngine engine;

    LogWriter(SyncEngine engine) {
        this.engine = engine;
    }

    /** The verified state after a fresh pull. */
    TeamState fresh(String teamId) {
        engine.pull();
        return engine.team(teamId)
                .orElseThrow(() -> new IllegalArgumentException("no such team: " + teamId));
    }

    /** The body of the entry that would follow {@code state}. */
    LogEntryBody next(TeamState state, LogAction action) {
        return new LogEntryBody(
                LogEntryBody.FORMAT,
                state.teamId(),
                state.seq() + 1,
                Base64Url.encode(state.headHash()),
                engine.session().accountId().toString(),
                System.currentTimeMillis(),
                action);
    }

    void append(TeamState state, LogAction action) {
        append(state, action, List.of(), List.of());
    }

    void append(
            TeamState state, LogAction action, List<KeyWrapUpload> wraps, List<ItemRewrap> items) {
        SignedLogEntry entry =
                SignedLogEntry.sign(next(state, action), engine.session().identity());
        engine.api().append(state.teamId(), new AppendLogRequest(entry, null, wraps, items));
    }
}
