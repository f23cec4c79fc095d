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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vault and item commands end to end: the real CLI and its agent as processes, a real server in
 * this JVM, two devices (two config and cache dirs) of one account.
 */
class ItemCommandsTest {

    private static final String CERT_AND_KEY = CertFixture.PEM;

    @TempDir static Path dir;
    private static StrongroomServer server;
    private static String url;

    @BeforeAll
    static void startServer() {
        server = StrongroomServer.start(ServerConfig.defaults(dir.resolve("data")).withPort(0));
        url = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() throws Exception {
        AgentProcesses.killAll(dir);
        server.close();
    }

    private static String id(CliProcess.Result r) throws Exception {
        return json(r).path("item").path("id").asText();
    }

    @Test
    void everyTypeAddEditHistoryRestoreMoveDeleteAndTwoDevicesConverge() throws Exception {
        String email = Cli.newEmail("two");
        Device a = Cli.device(dir, "a1", url, email, true);
        Device b = Cli.device(dir, "b1", url, email, false);

        Path totp = dir.resolve("totp.txt");
        Files.writeString(totp, "JBSWY3DPEHPK3PXP\n");
        String login =
                id(
                        a.runWithStdin(
                                "hunter2\n",
                                "item",
                                "add",
                                "--type",
                                "login",
                                "--name",
                                "github",
                                "--username",
                                "octo",
                                "--url",
                                "https://github.com",
                                "--password-stdin",
                                "--tag",
                                "dev",
                                "--folder",
                                "Work/Code",
                                "--rotate-every-days",
                                "90",
                                "--field",
                                "text:team=core",
                                "--field-file",
                                "totp=" + totp,
                                "--json"));
        id(
                a.runWithStdin(
                        "sk-live-1\n",
                        "item",
                        "add",
                        "--type",
                        "api-key",
                        "--name",
                        "stripe",
                        "--key-id",
                        "acct_1",
                        "--secret-stdin",
                        "--json"));
        id(
                a.runWithStdin(
                        "pgpass\n",
                        "item",
                        "add",
                        "--type",
                        "database",
                        "--name",
                        "prod-db",
                        "--engine",
                        "postgresql",
                        "--host",
                        "db.internal",
                        "--database",
                        "app",
                        "--user",
                        "admin",
                        "--password-stdin",
                        "--json"));
        String ssh =
                id(
                        a.run(
                                "item",
                                "add",
                                "--type",
                                "ssh-key",
                                "--name",
                                "deploy",
                                "--generate-ssh-key",
                                "--comment",
                                "ci@example",
                                "--json"));
        Path pem = dir.resolve("bundle.pem");
        Files.writeString(pem, CERT_AND_KEY);
        id(
                a.run(
                        "item",
                        "add",
                        "--type",
                        "certificate",
                        "--name",
                        "tls",
                        "--pem-file",
                        pem.toString(),
                        "--expires",
                        "2036-01-01",
                        "--json"));
        String note =
                id(
                        a.runWithStdin(
                                "line one\nline two\n",
                                "item",
                                "add",
                                "--type",
                                "note",
                                "--name",
                                "memo",
                                "--secret-stdin",
                                "--json"));
        Path env = dir.resolve("app.env");
        Files.writeString(env, "DATABASE_URL=postgres://x\nexport TOKEN='abc'\n");
        id(
                a.run(
                        "item",
                        "add",
                        "--type",
                        "env",
                        "--name",
                        "app-env",
                        "--env-file",
                        env.toString(),
                        "--json"));

        // edit, history, restore
        ok(a.runWithStdin("hunter3\n", "item", "edit", "github", "--password-stdin"));
        JsonNode history = json(a.run("item", "history", "github", "--json"));
        assertThat(history.path("revisions")).hasSize(2);
        assertThat(history.path("revisions").get(1).path("changes").toString())
                .contains("data.password");
        ok(a.run("item", "restore", "github", "--revision", "1", "--field", "data.password"));
        assertThat(a.run("item", "get", "github", "--field", "password").stdout())
                .isEqualTo("hunter2");
        JsonNode masked = json(a.run("item", "get", login, "--json"));
        assertThat(masked.path("item").path("data").path("password").asText())
                .isEqualTo("********");
        assertThat(masked.toString()).doesNotContain("hunter2");

        // move and delete
        ok(a.run("vault", "create", "Work"));
        String moved =
                json(a.run("item", "move", ssh, "--to", "Work", "--json"))
                        .path("item")
                        .path("id")
                        .asText();
        ok(a.run("item", "rm", note));

        // the second device converges
        List<String> onA = names(json(a.run("item", "list", "--json")));
        List<String> onB = names(json(b.run("item", "list", "--json")));
        assertThat(onB)
                .isEqualTo(onA)
                .hasSize(6)
                .doesNotContain("Personal/memo")
                .contains("Work/deploy", "Personal/tls");
        assertThat(b.run("item", "get", "github", "--field", "password").stdout())
                .isEqualTo("hunter2");
        assertThat(b.run("item", "get", "app-env", "--field", "TOKEN").stdout()).isEqualTo("abc");
        assertThat(b.run("item", "get", moved, "--field", "publicKey").stdout())
                .startsWith("ssh-ed25519 ");
        assertThat(json(b.run("totp", "github", "--json")).path("code").asText()).hasSize(6);
        assertThat(json(b.run("search", "octo", "--json")).path("hits").get(0).path("id").asText())
                .isEqualTo(login);
        JsonNode cert = json(b.run("item", "get", "tls", "--json")).path("item");
        assertThat(cert.path("certificate").path("subject").asText()).contains("cli.test");
        JsonNode stored = json(b.run("generate", "--store", "stripe", "--length", "40", "--json"));
        assertThat(stored.path("item").path("revision").asLong()).isEqualTo(2);
        assertThat(stored.toString()).doesNotContain("secret");
        assertThat(a.run("item", "get", "stripe", "--field", "key").stdout()).hasSize(40);
        // b edits, a sees it
        ok(b.run("item", "edit", "prod-db", "--host", "db2.internal", "--port", "6543"));
        assertThat(a.run("item", "get", "prod-db", "--field", "host").stdout())
                .isEqualTo("db2.internal");
        ok(b.run("vault", "rename", "Work", "Ops"));
        assertThat(json(a.run("vault", "list", "--json")).path("vaults").findValuesAsText("name"))
                .containsExactly("Ops", "Personal");

        // Deleting a vault is irreversible: --yes or a usage error; then gone on both devices.
        var unconfirmed = a.run("vault", "delete", "Ops");
        assertThat(unconfirmed.exitCode()).isEqualTo(2);
        assertThat(unconfirmed.stderr()).contains("--yes");
        ok(a.run("vault", "delete", "Ops", "--yes"));
        assertThat(json(a.run("vault", "list", "--json")).path("vaults").findValuesAsText("name"))
                .containsExactly("Personal");
        assertThat(json(b.run("vault", "list", "--json")).path("vaults").findValuesAsText("name"))
                .containsExactly("Personal");
        assertThat(b.run("item", "get", moved, "--field", "publicKey").exitCode()).isEqualTo(4);
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.path("items")
                .forEach(i -> out.add(i.path("vault").asText() + "/" + i.path("name").asText()));
        return out;
    }

    @Test
    void badInputGetsItsExitCodeAndOneLine() throws Exception {
        String email = Cli.newEmail("bad");
        Device d = Cli.device(dir, "c1", url, email, true);
        ok(
                d.runWithStdin(
                        "x1\n",
                        "item",
                        "add",
                        "--type",
                        "login",
                        "--name",
                        "twin",
                        "--password-stdin"));
        ok(
                d.runWithStdin(
                        "x2\n",
                        "item",
                        "add",
                        "--type",
                        "login",
                        "--name",
                        "twin",
                        "--password-stdin"));

        oneLineError(d.run("item", "get", "no-such-item"), 4);
        CliProcess.Result ambiguous = d.run("item", "get", "twin");
        oneLineError(ambiguous, 1);
        assertThat(ambiguous.stderr()).contains("ambiguous").contains("use the id");
        oneLineError(d.run("item", "add", "--type", "bogus", "--name", "x"), 2);
        oneLineError(d.run("item", "add", "--type", "login"), 2);
        oneLineError(
                d.run(
                        "item",
                        "add",
                        "--type",
                        "login",
                        "--name",
                        "x",
                        "--rotate-every-days",
                        "soon"),
                2);
        oneLineError(
                d.run(
                        "item",
                        "add",
                        "--type",
                        "login",
                        "--name",
                        "x",
                        "--field",
                        "hidden:pin=1234"),
                2);
        oneLineError(d.run("item", "frobnicate"), 2);
        oneLineError(d.run("vault", "rename", "nope", "x"), 4);

        byte[] junk = {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '\n'};
        oneLineError(
                d.runWithBytes(
                        junk, "item", "add", "--type", "note", "--name", "j", "--secret-stdin"),
                2);
        byte[] huge = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        oneLineError(
                d.runWithBytes(
                        huge, "item", "add", "--type", "note", "--name", "h", "--secret-stdin"),
                2);
        String longPassword = "p".repeat(10_000) + "\n";
        CliProcess.Result tooLong =
                d.runWithStdin(
                        longPassword,
                        "item",
                        "add",
                        "--type",
                        "login",
                        "--name",
                        "long",
                        "--password-stdin");
        oneLineError(tooLong, 1);
        assertThat(tooLong.stderr()).contains("login.password").doesNotContain("pppp");
        assertThat(json(d.run("item", "list", "--json")).path("items")).hasSize(2);

        // locked, wrong password
        ok(d.run("lock"));
        oneLineError(d.run("item", "list"), 3);
        oneLineError(d.login(email, "not the password"), 3);

        // a corrupt cache file is detected, moved aside and rebuilt from the server
        Path cache;
        try (Stream<Path> files = Files.walk(d.configDir.resolve("cache"))) {
            cache = files.filter(p -> p.toString().endsWith(".sqlite")).findFirst().orElseThrow();
        }
        byte[] garbage = new byte[8192];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(cache, garbage);
        CliProcess.Result relogin = d.login(email, Cli.PASSWORD);
        ok(relogin);
        assertThat(relogin.stderr()).contains("corrupt").contains("rebuilt");
        assertThat(json(d.run("item", "list", "--json")).path("items")).hasSize(2);
        try (Stream<Path> files = Files.list(cache.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.contains(".corrupt-"));
        }

        // a server that is down
        Device e = new Device(dir, "e1");
        ok(e.run("server", "add", "down", "http://127.0.0.1:1"));
        CliProcess.Result down = e.login(email, Cli.PASSWORD);
        oneLineError(down, 1);
        assertThat(down.stderr()).contains("cannot reach the server");
    }
}
