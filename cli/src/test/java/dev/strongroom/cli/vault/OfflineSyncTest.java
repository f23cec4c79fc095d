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
 * Offline work, offline unlock and conflicts through the CLI: the server is stopped and restarted
 * (same data, same port) under two logged-in devices.
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
        Devices d = twoDevicesWithAnApiKey("offline");
        int port = d.port();
        Device a = d.a();
        Device b = d.b();

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

    /* Unlocking with the server down: log in once online, lock, stop the server, unlock from the
     * device's offline record, then sync when the server is back (the deferred login). */
    @Test
    void aLockedDeviceUnlocksOfflineWorksFromTheCacheAndSyncsWhenTheServerIsBack()
            throws Exception {
        Devices d = twoDevicesWithAnApiKey("offline-unlock");
        int port = d.port();
        Device a = d.a();
        Device b = d.b();
        ok(a.run("lock"));

        server.close();
        // a wrong password opens nothing and starts nothing
        CliProcess.Result wrong = a.runWithStdin("not it\n", "unlock", "--password-stdin");
        oneLineError(wrong, 3);
        CliProcess.Result unlocked =
                a.runWithStdin(Cli.PASSWORD + "\n", "unlock", "--password-stdin");
        assertThat(ok(unlocked).stderr()).contains("unlocked from this device's offline record");
        assertThat(json(a.run("status", "--json")).path("serverSession").asText())
                .isEqualTo("pending");
        assertThat(ok(a.run("item", "get", "svc", "--field", "key")).stdout()).isEqualTo("k-1");
        assertThat(
                        ok(a.run("item", "edit", "svc", "--notes", "edited while unlocked offline"))
                                .stderr())
                .contains("offline: 1 change(s) queued");

        start(port);
        assertThat(json(a.run("sync", "--json")).path("pushed").path("accepted").asInt())
                .isEqualTo(1);
        assertThat(json(a.run("status", "--json")).path("serverSession").asText())
                .isEqualTo("active");
        assertThat(b.run("item", "get", "svc", "--field", "notes").stdout())
                .isEqualTo("edited while unlocked offline");
    }

    @Test
    void aDeviceThatNeverLoggedInCannotUnlockOffline() throws Exception {
        start(0);
        String url = "http://127.0.0.1:" + server.port();
        String email = Cli.newEmail("never");
        Device a = Cli.device(dir, "a", url, email, true);
        ok(a.run("logout"));
        server.close();
        CliProcess.Result r =
                a.runWithStdin(Cli.PASSWORD + "\n", "login", "--email", email, "--password-stdin");
        oneLineError(r, 1);
        assertThat(r.stderr()).contains("cannot reach the server");
    }

    private record Devices(int port, Device a, Device b) {}

    /** Starts the server, creates an account on device a and logs in on b; a adds the key "svc". */
    private Devices twoDevicesWithAnApiKey(String emailPrefix) throws Exception {
        start(0);
        int port = server.port();
        String url = "http://127.0.0.1:" + port;
        String email = Cli.newEmail(emailPrefix);
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
        return new Devices(port, a, b);
    }
}
