package dev.strongroom.cli.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strongroom.cli.CliProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One person on one device for the CLI's multi-user end-to-end tests (teams, recovery): own config
 * dir and agent socket, registered and unlocked through the real CLI; plus the checks every such
 * test makes.
 */
public final class TeamUser {

    public static final String PASSWORD = "correct horse battery staple";
    private static final ObjectMapper JSON = new ObjectMapper();

    public final String email;
    private final Map<String, String> env = new HashMap<>();

    public TeamUser(Path root, String name, String url) throws Exception {
        email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        Path config = root.resolve(name + "-config");
        Files.createDirectories(config);
        env.put("STRONGROOM_CONFIG_DIR", config.toString());
        env.put(
                "STRONGROOM_AGENT_SOCKET",
                root.resolve(name + "-run").resolve("a.sock").toString());
        env.put("STRONGROOM_IDLE_MINUTES", "");
        assertThat(run("server", "add", "local", url).exitCode()).isZero();
        CliProcess.Result reg =
                runWithStdin(
                        PASSWORD + "\n",
                        "register",
                        "--email",
                        email,
                        "--password-stdin",
                        "--kdf-memory",
                        "19456",
                        "--kdf-iterations",
                        "2",
                        "--kdf-parallelism",
                        "1");
        assertThat(reg.exitCode()).as(reg.stderr()).isZero();
        CliProcess.Result login =
                runWithStdin(PASSWORD + "\n", "login", "--email", email, "--password-stdin");
        assertThat(login.exitCode()).as(login.stderr()).isZero();
    }

    public CliProcess.Result run(String... args) throws Exception {
        return CliProcess.run(env, new byte[0], args);
    }

    public CliProcess.Result runWithStdin(String stdin, String... args) throws Exception {
        return CliProcess.run(env, stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    /** Runs with {@code --json} appended; the run must succeed. */
    JsonNode json(String... args) throws Exception {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--json";
        return json(run(all));
    }

    static JsonNode json(CliProcess.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        return JSON.readTree(r.stdout());
    }

    /** The documented exit code and exactly one plain line on stderr, no stack trace. */
    static void oneLineError(CliProcess.Result r, int exitCode) {
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(exitCode);
        assertThat(r.stderr().lines()).as(r.stderr()).hasSize(1);
        assertThat(r.stderr()).startsWith("strongroom: ").doesNotContain("Exception");
    }
}
