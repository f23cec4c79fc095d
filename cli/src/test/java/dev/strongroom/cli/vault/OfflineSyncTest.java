package dev.strongroom.cli.vault;

import static dev.strongroom.cli.vault.Cli.json;
import static dev.strongroom.cli.vault.Cli.ok;
import static dev.strongroom.cli.vault.Cli.oneLineError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strongroom.cli.CliProcess;
import dev.strongroom.cli.account.AgentProcesses;
import dev.strongroom.cli.account.Device;
import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offline work and conflicts through the CLI: the server is stopped and restarted (same data, same
 * port) under two logged-in devices.
 */
class OfflineSyncTest {

    @TempDir Path dir;
    private StrongroomServer server;

    @AfterEach
    void stop() throws Exception {
        AgentProcesses.killAll(dir);
        if (server != null) {
            server.close();
        }
    }

    private void start(int port) {
        server = StrongroomServer.start(ServerConfig.defaults(dir.resolve("data")).withPort(port));
    }

    @Test
    void offlineReadsAndEditsSyncLaterAndAConflictKeepsBothVersionsUntilResolved()
            throws Exception {
        start(0);
        int port = server.port();
        String url = "http://127.0.0.1:" + port;
        String email = Cli.newEmail("offline");
        Device a = Cli.device(dir, "a", url, email, true);
        Device b = Cli.device(dir, "b", url, email, false);
        ok(
                a.runWithStdin(
                        "k-1\n",
                        "item",
                        "add",
                        "--type",
                        "api-key",
                        "--name",
                        "svc",
                        "--secret-stdin"));

        // server down: reads from the cache, edits queue
        server.close();
        CliProcess.Result read = a.run("item", "get", "svc", "--field", "key");
        assertThat(ok(read).stdout()).isEqualTo("k-1");
        assertThat(read.stderr()).contains("offline: 0 change(s) queued");
        CliProcess.Result edit = a.run("item", "edit", "svc", "--notes", "edited offline");
        assertThat(ok(edit).stderr()).contains("offline: 1 change(s) queued");
        oneLineError(a.run("sync"), 1);

        // back online: the queued edit goes out, the other device sees it
        start(port);
        assertThat(json(a.run("sync", "--json")).path("pushed").path("accepted").asInt())
                .isEqualTo(1);
        assertThat(b.run("item", "get", "svc", "--field", "notes").stdout())
                .isEqualTo("edited offline");

        // both edit revision 2, a while offline: a conflict, both versions kept
        server.close();
        ok(a.run("item", "edit", "svc", "--notes", "mine"));
        start(port);
        ok(b.run("item", "edit", "svc", "--notes", "theirs"));
        CliProcess.Result conflicted = a.run("sync");
        assertThat(conflicted.exitCode()).as(conflicted.stderr()).isEqualTo(5);
        assertThat(conflicted.stderr()).contains("conflict");
        JsonNode conflicts = json(a.run("conflicts", "list", "--json")).path("conflicts");
        assertThat(conflicts).hasSize(1);
        assertThat(conflicts.get(0).path("differs").toString()).contains("notes");
        assertThat(a.run("item", "get", "svc", "--field", "notes").stdout()).isEqualTo("theirs");
        CliProcess.Result reminder = a.run("item", "list");
        assertThat(reminder.stderr()).contains("1 conflict(s) to resolve");

        ok(a.run("conflicts", "resolve", conflicts.get(0).path("id").asText(), "--keep", "mine"));
        assertThat(json(a.run("conflicts", "list", "--json")).path("conflicts")).isEmpty();
        assertThat(b.run("item", "get", "svc", "--field", "notes").stdout()).isEqualTo("mine");
        JsonNode history = json(b.run("item", "history", "svc", "--json")).path("revisions");
        // theirs (revision 3) stays in the history under mine (revision 4); b cached from 2 on
        assertThat(history.findValuesAsText("revision")).containsExactly("2", "3", "4");
    }
}
