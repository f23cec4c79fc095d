package dev.strongroom.cli.agent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.api.ServerUnreachableException;
import dev.strongroom.client.recovery.RecoveryNotices;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.model.wire.WireJson;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code sync} (explicit pull, push, pull with a summary) and the conflict and search commands. */
final class SyncOperations {

    private SyncOperations() {}

    static Map<String, AgentOperation> all() {
        Map<String, AgentOperation> all = new HashMap<>();
        all.put(
                "sync",
                new AgentOperation(Set.of(), Set.of(), Set.of(), true, SyncOperations::sync));
        all.putAll(ConflictOperations.all());
        all.putAll(FindOperations.all());
        return all;
    }

    private static ObjectNode sync(AgentHost host, AgentRequest request) {
        VaultSession session = host.vault();
        SyncEngine engine = session.engine();
        SyncEngine.PullReport pulled;
        SyncEngine.PushReport pushed;
        try {
            pulled = engine.pull();
            pushed = engine.push();
            SyncEngine.PullReport again = engine.pull();
            pulled =
                    new SyncEngine.PullReport(
                            pulled.logEntries() + again.logEntries(),
                            pulled.items() + again.items(),
                            Math.max(pulled.vaults(), again.vaults()));
        } catch (ServerUnreachableException e) {
            int queued = session.cache().outbox().size();
            throw new CliException(
                    ExitCode.ERROR,
                    "cannot reach the server at "
                            + host.config().profile().endpoint().baseUrl()
                            + " ("
                            + queued
                            + " change(s) stay queued)");
        }
        session.afterWrite();
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ObjectNode p = data.putObject("pulled");
        p.put("logEntries", pulled.logEntries());
        p.put("items", pulled.items());
        p.put("vaults", pulled.vaults());
        ObjectNode s = data.putObject("pushed");
        s.put("accepted", pushed.accepted());
        s.put("conflicts", pushed.conflicts());
        data.set("sync", session.syncState());
        // a used recovery key is told on every plain sync until the team re-keys
        data.set("recoveryNotices", WireJson.mapper().valueToTree(RecoveryNotices.after(engine)));
        return data;
    }
}
