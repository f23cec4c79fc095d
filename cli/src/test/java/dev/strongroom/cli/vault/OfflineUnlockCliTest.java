package dev.strongroom.cli.vault;

import static dev.strongroom.cli.vault.Cli.json;
import static dev.strongroom.cli.vault.Cli.ok;
import static dev.strongroom.cli.vault.Cli.oneLineError;
import static org.assertj.core.api.Assertions.assertThat;

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
 * Unlocking with the server down, as a user does it: log in once online, lock, stop the server,
 * unlock from the device's offline record, read and edit from the cache, then sync when the server
 * is back (the deferred login happens on that first server call).
 */
class OfflineUnlockCliTest {

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
    void aLockedDeviceUnlocksOfflineWorksFromTheCacheAndSyncsWhenTheServerIsBack()
            throws Exception {
        start(0);
        int port = server.port();
        String url = "http://127.0.0.1:" + port;
        String email = Cli.newEmail("offline-unlock");
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
}
