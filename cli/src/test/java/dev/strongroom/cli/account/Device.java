package dev.strongroom.cli.account;

import dev.strongroom.cli.CliProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One simulated device for CLI tests: its own config dir and agent socket (both under a test's
 * temporary directory, passed through the environment the way a user would set them).
 */
public final class Device {

    /** Floor-respecting but cheap Argon2id (m=19456 KiB, t=2, p=1) for register and passwd. */
    public static final List<String> CHEAP_KDF =
            List.of("--kdf-memory", "19456", "--kdf-iterations", "2", "--kdf-parallelism", "1");

    public final Path configDir;
    public final Path socket;
    private final Map<String, String> env = new HashMap<>();

    public Device(Path root, String name) throws IOException {
        this.configDir = root.resolve(name + "-config");
        // Unix socket paths are limited to ~107 bytes: keep it short, under the test's own dir.
        this.socket = root.resolve(name + "-run").resolve("agent.sock");
        Files.createDirectories(configDir);
        env.put("STRONGROOM_CONFIG_DIR", configDir.toString());
        env.put("STRONGROOM_AGENT_SOCKET", socket.toString());
        env.put("STRONGROOM_IDLE_MINUTES", "");
    }

    public Device withEnv(String name, String value) {
        env.put(name, value);
        return this;
    }

    public CliProcess.Result run(String... args) throws IOException, InterruptedException {
        return CliProcess.run(env, new byte[0], args);
    }

    public CliProcess.Result runWithStdin(String stdin, String... args)
            throws IOException, InterruptedException {
        return CliProcess.run(env, stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    public CliProcess.Result runWithBytes(byte[] stdin, String... args)
            throws IOException, InterruptedException {
        return CliProcess.run(env, stdin, args);
    }

    public CliProcess.Result register(String email, String password)
            throws IOException, InterruptedException {
        List<String> args =
                new ArrayList<>(List.of("register", "--email", email, "--password-stdin"));
        args.addAll(CHEAP_KDF);
        return runWithStdin(password + "\n", args.toArray(String[]::new));
    }

    public CliProcess.Result login(String email, String password, String... more)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("login", "--email", email, "--password-stdin"));
        args.addAll(List.of(more));
        return runWithStdin(password + "\n", args.toArray(String[]::new));
    }
}
