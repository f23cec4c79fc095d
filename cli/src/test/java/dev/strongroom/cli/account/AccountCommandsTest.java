package dev.strongroom.cli.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strongroom.cli.CliProcess;
import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account commands end to end: the real CLI as separate processes, its agent as a further
 * process, against a real sync server in this JVM on a random port.
 */
class AccountCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path serverDir;
    private static StrongroomServer server;
    private static String url;

    @TempDir Path dir;

    @BeforeAll
    static void startServer() {
        server =
                StrongroomServer.start(
                        ServerConfig.defaults(serverDir.resolve("data")).withPort(0));
        url = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void noAgentSurvives() throws Exception {
        AgentProcesses.killAll(dir);
    }

    static String newEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    static JsonNode json(CliProcess.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return JSON.readTree(r.stdout());
    }

    static void assertOneLineError(CliProcess.Result r, int exitCode) {
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(exitCode);
        assertThat(r.stderr().lines()).hasSize(1);
        assertThat(r.stderr())
                .startsWith("strongroom: ")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void serverProfilesAreAddedListedAndChosen() throws Exception {
        Device d = new Device(dir, "d");
        assertThat(d.run("server", "list").stdout()).contains("no server profiles");
        assertOneLineError(d.run("status"), 1);

        assertThat(d.run("server", "add", "local", url).stdout())
                .contains("added server profile local")
                .contains("now current");
        String pin = "sha256:" + "ab".repeat(32);
        assertThat(
                        d.run("server", "add", "lab", "https://10.0.0.5:8443", "--tls-pin", pin)
                                .exitCode())
                .isZero();
        JsonNode list = json(d.run("server", "list", "--json"));
        assertThat(list.get("current").asText()).isEqualTo("local");
        assertThat(list.get("servers")).hasSize(2);
        assertThat(list.get("servers").get(1).get("tlsPin").asText())
                .isEqualTo("sha256:" + "AB:".repeat(31) + "AB");

        assertThat(d.run("server", "use", "lab").exitCode()).isZero();
        assertThat(d.run("server", "list").stdout()).contains("* lab").contains("  local");
        assertThat(json(d.run("--server", "local", "status", "--json")).get("server").asText())
                .isEqualTo(url);
        assertThat(json(d.run("status", "--server", "local", "--json")).get("profile").asText())
                .isEqualTo("local");

        assertOneLineError(d.run("server", "use", "nope"), 4);
        assertOneLineError(d.run("--server", "nope", "status"), 4);
        assertOneLineError(d.run("server", "add", "local", url), 5);
        assertOneLineError(d.run("server", "add", "x", "ftp://example.com"), 2);
        assertOneLineError(d.run("server", "add", "x", "http://example.com"), 2);
        assertOneLineError(d.run("server", "add", "Bad Name", url), 2);
        assertOneLineError(d.run("server", "add", "y", "https://h", "--tls-pin", "sha256:12"), 2);
    }

    @Test
    void registerLoginTwoDevicesChangePasswordLockAndLogout() throws Exception {
        String email = newEmail("alice");
        String password = "correct horse battery staple";
        String newPassword = "a new master password";
        Device laptop = new Device(dir, "laptop");
        Device phone = new Device(dir, "phone");
        laptop.run("server", "add", "local", url);
        phone.run("server", "add", "local", url);

        JsonNode reg =
                json(
                        laptop.runWithStdin(
                                password + "\n",
                                withKdf(
                                        "register",
                                        "--email",
                                        email,
                                        "--password-stdin",
                                        "--json")));
        assertThat(reg.get("email").asText()).isEqualTo(email);
        assertThat(reg.get("fingerprint").asText()).matches("[0-9 ]+");
        assertOneLineError(laptop.register(email, "another password"), 5);

        // Logging in starts the agent; the keys stay there between commands.
        CliProcess.Result login = laptop.login(email, password, "--device", "laptop");
        assertThat(login.exitCode()).as(login.stderr()).isZero();
        assertThat(login.stdout()).contains("unlocked " + email);
        JsonNode status = json(laptop.run("status", "--json"));
        assertThat(status.get("state").asText()).isEqualTo("unlocked");
        assertThat(status.get("email").asText()).isEqualTo(email);
        assertThat(status.get("idleTimeoutSeconds").asLong()).isEqualTo(900);
        assertThat(laptop.run("status").stdout())
                .contains("unlocked (auto-lock after 15 min idle)");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(laptop.socket)))
                .isEqualTo("rw-------");
        assertThat(
                        PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(laptop.socket.getParent())))
                .isEqualTo("rwx------");
        assertThat(laptop.login(email, password).stdout()).contains("already unlocked");
        // The password reached the agent over its socket, not through its command line.
        assertThat(AgentProcesses.under(dir))
                .singleElement()
                .satisfies(
                        p ->
                                assertThat(AgentProcesses.commandLine(p))
                                        .contains("--socket " + laptop.socket)
                                        .doesNotContain(password));

        // A second device logs in to the same account.
        assertThat(phone.login(email, password, "--device", "phone").exitCode()).isZero();
        assertThat(json(phone.run("status", "--json")).get("state").asText()).isEqualTo("unlocked");

        // Change the password: the phone's session is signed out.
        JsonNode changed =
                json(
                        laptop.runWithStdin(
                                password + "\n" + newPassword + "\n",
                                withKdf("passwd", "--password-stdin", "--json")));
        assertThat(changed.get("revokedSessions").asInt()).isEqualTo(1);

        // Lock, then the old password is refused with exit 3 and one line, the new one works.
        assertThat(laptop.run("lock").stdout().strip()).isEqualTo("locked");
        assertThat(Files.exists(laptop.socket)).isFalse();
        JsonNode locked = json(laptop.run("status", "--json"));
        assertThat(locked.get("state").asText()).isEqualTo("locked");
        assertThat(locked.get("email").asText()).isEqualTo(email);
        assertThat(laptop.run("lock").stdout().strip()).isEqualTo("already locked");
        CliProcess.Result wrong =
                laptop.runWithStdin(password + "\n", "unlock", "--password-stdin");
        assertOneLineError(wrong, 3);
        assertThat(wrong.stderr()).contains("wrong").doesNotContain(password);
        assertThat(Files.exists(laptop.socket)).isFalse();
        CliProcess.Result unlocked =
                laptop.runWithStdin(newPassword + "\n", "unlock", "--password-stdin");
        assertThat(unlocked.exitCode()).as(unlocked.stderr()).isZero();
        assertThat(json(laptop.run("status", "--json")).get("state").asText())
                .isEqualTo("unlocked");

        // Logout ends the session and forgets the account on this device.
        assertThat(laptop.run("logout").stdout().strip()).isEqualTo("logged out");
        JsonNode after = json(laptop.run("status", "--json"));
        assertThat(after.get("state").asText()).isEqualTo("locked");
        assertThat(after.get("email").isNull()).isTrue();
        assertOneLineError(
                laptop.runWithStdin(newPassword + "\n", "unlock", "--password-stdin"), 3);
        assertOneLineError(
                laptop.runWithStdin(
                        password + "\n" + newPassword + "\n", "passwd", "--password-stdin"),
                3);
        assertThat(laptop.run("passwd", "--password-stdin").stderr())
                .isEqualTo("strongroom: locked: run strongroom unlock\n");

        assertThat(phone.run("lock").exitCode()).isZero();
        assertThat(AgentProcesses.noneWithin(dir, Duration.ofSeconds(15))).isTrue();
    }

    @Test
    void badInputGetsTheDocumentedExitCodeAndOneLine() throws Exception {
        Device d = new Device(dir, "d");
        d.run("server", "add", "local", url);
        assertOneLineError(d.run("login"), 2); // --email is required
        assertOneLineError(d.run("login", "--email"), 2);
        assertOneLineError(d.run("login", "--email", "a@b.c", "--frobnicate"), 2);
        assertOneLineError(d.run("login", "--email", "not-an-email", "--password-stdin"), 2);
        assertOneLineError(d.run("login", "--email", "a@b.c", "--idle", "soon"), 2);
        assertOneLineError(d.run("server"), 2);
        // No terminal and no --password-stdin: refused at once, never a hanging prompt.
        assertOneLineError(d.run("login", "--email", "a@b.c"), 2);
        // Binary junk, an empty line, control characters on stdin.
        byte[] junk = {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '\n'};
        assertOneLineError(
                d.runWithBytes(junk, "login", "--email", "a@b.c", "--password-stdin"), 2);
        assertOneLineError(
                d.runWithBytes(junk, "register", "--email", "a@b.c", "--password-stdin"), 2);
        assertOneLineError(
                d.runWithStdin("\n", "login", "--email", "a@b.c", "--password-stdin"), 2);
        assertOneLineError(
                d.runWithStdin("pass\u0007word\n", "login", "--email", "a@b.c", "--password-stdin"),
                2);
        // A new password that is too short, and KDF parameters below the floor.
        assertOneLineError(d.register(newEmail("bob"), "short"), 2);
        CliProcess.Result weak =
                d.runWithStdin(
                        "long enough password\n",
                        "register",
                        "--email",
                        newEmail("bob"),
                        "--password-stdin",
                        "--kdf-memory",
                        "1024");
        assertOneLineError(weak, 2);
        assertThat(weak.stderr()).contains("memoryKiB");
        // Vault commands without an agent.
        assertThat(d.run("passwd").stderr())
                .isEqualTo("strongroom: locked: run strongroom unlock\n");
        assertThat(d.run("passwd").exitCode()).isEqualTo(3);
        assertThat(AgentProcesses.noneWithin(dir, Duration.ofSeconds(15))).isTrue();
    }

    @Test
    void aServerThatIsDownIsExitOneWithOneLine() throws Exception {
        Path data = dir.resolve("down-server");
        StrongroomServer doomed = StrongroomServer.start(ServerConfig.defaults(data).withPort(0));
        String doomedUrl = "http://127.0.0.1:" + doomed.port();
        Device d = new Device(dir, "d");
        d.run("server", "add", "doomed", doomedUrl);
        String email = newEmail("carol");
        assertThat(d.register(email, "carol's password").exitCode()).isZero();
        doomed.close();

        CliProcess.Result login = d.login(email, "carol's password");
        assertOneLineError(login, 1);
        assertThat(login.stderr())
                .isEqualTo("strongroom: cannot reach the server at " + doomedUrl + "\n");
        assertThat(Files.exists(d.socket)).isFalse(); // the agent gave up and exited
        assertOneLineError(d.register(newEmail("dave"), "dave's password"), 1);
        assertThat(AgentProcesses.noneWithin(dir, Duration.ofSeconds(15))).isTrue();
    }

    @Test
    void theAgentLocksItselfWhenIdle() throws Exception {
        Device d = new Device(dir, "d").withEnv("STRONGROOM_IDLE_MINUTES", "0.04"); // 2.4 s
        d.run("server", "add", "local", url);
        String email = newEmail("erin");
        assertThat(d.register(email, "erin's password").exitCode()).isZero();
        JsonNode unlocked = json(d.login(email, "erin's password", "--json"));
        assertThat(unlocked.get("idleTimeoutSeconds").asLong()).isEqualTo(2);
        assertThat(unlocked.get("state").asText()).isEqualTo("unlocked");
        // (Under heavy load the agent may lock before this line runs: no assertion that it lives.)
        Optional<ProcessHandle> agent = ProcessHandle.of(unlocked.get("agentPid").asLong());

        // Wait without touching the socket (any connection counts as activity).
        if (agent.isPresent()) {
            assertThat(agent.get().onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        }
        assertThat(Files.exists(d.socket)).isFalse();
        JsonNode status = json(d.run("status", "--json"));
        assertThat(status.get("state").asText()).isEqualTo("locked");
        assertThat(status.get("email").asText()).isEqualTo(email);
    }

    private static String[] withKdf(String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
        all.addAll(Device.CHEAP_KDF);
        return all.toArray(String[]::new);
    }
}
