package dev.strongroom.cli;

import dev.strongroom.client.account.ServerProfile;
import dev.strongroom.client.account.ServerProfiles;
import dev.strongroom.client.agent.AgentSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every command of one invocation shares: the config directory, the server profile to use and
 * the agent socket for it, resolved from the global options and the environment:
 *
 * <ul>
 *   <li>config dir: {@code --config-dir}, else {@code STRONGROOM_CONFIG_DIR}, else {@code
 *       $XDG_CONFIG_HOME/strongroom}, else {@code ~/.config/strongroom};
 *   <li>profile: {@code --server NAME}, else the current profile of the config dir;
 *   <li>agent socket: {@code STRONGROOM_AGENT_SOCKET}, else {@code AgentSocket.defaultPath}.
 * </ul>
 */
public final class CliContext {

    public static final String ENV_CONFIG_DIR = "STRONGROOM_CONFIG_DIR";
    public static final String ENV_AGENT_SOCKET = "STRONGROOM_AGENT_SOCKET";

    private final Path configDirOption;
    private final String serverOption;
    private final Map<String, String> env;
    private volatile String serverUrl;

    CliContext(Path configDirOption, String serverOption, Map<String, String> env) {
        this.configDirOption = configDirOption;
        this.serverOption = serverOption;
        this.env = env;
    }

    /** The context of the invocation a (sub)command belongs to. */
    public static CliContext of(CommandSpec spec) {
        Object root = spec.root().userObject();
        return root instanceof HeadlessMain h ? h.context() : ((Main) root).context();
    }

    public String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    public Path configDir() {
        if (configDirOption != null) {
            return configDirOption.toAbsolutePath().normalize();
        }
        String fromEnv = env(ENV_CONFIG_DIR);
        if (fromEnv != null) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        return defaultConfigDir();
    }

    private Path defaultConfigDir() {
        String xdg = env("XDG_CONFIG_HOME");
        Path base =
                xdg != null ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("strongroom").toAbsolutePath().normalize();
    }

    public ServerProfiles profiles() {
        return ServerProfiles.open(configDir());
    }

    /**
     * The profile to work with: {@code --server}, else the current one.
     *
     * @throws CliException NOT_FOUND for an unknown {@code --server}, ERROR when there is none
     */
    public ServerProfile profile() {
        ServerProfiles profiles = profiles();
        ServerProfile profile;
        if (serverOption != null) {
            profile =
                    profiles.get(serverOption)
                            .orElseThrow(
                                    () ->
                                            new CliException(
                                                    ExitCode.NOT_FOUND,
                                                    "no server profile named '"
                                                            + serverOption
                                                            + "' (see strongroom server list)"));
        } else {
            profile =
                    profiles.current()
                            .orElseThrow(
                                    () ->
                                            new CliException(
                                                    ExitCode.ERROR,
                                                    "no server profile: run strongroom server add"
                                                            + " NAME URL"));
        }
        serverUrl = profile.endpoint().baseUrl().toString();
        return profile;
    }

    /**
     * The agent socket of a profile. Profiles of a non-default config dir get a socket of their own
     * (suffixed by a hash of the dir), so two config dirs never share an agent by accident.
     */
    public Path agentSocket(ServerProfile profile) {
        String override = env(ENV_AGENT_SOCKET);
        if (override != null) {
            return Path.of(override).toAbsolutePath().normalize();
        }
        Path dir = configDir();
        String key =
                dir.equals(defaultConfigDir())
                        ? profile.name()
                        : profile.name() + "-" + shortHash(dir.toString());
        return AgentSocket.defaultPath(key);
    }

    /** The URL of the server this invocation talks to, once known (for error messages). */
    String serverUrl() {
        return serverUrl;
    }

    private static String shortHash(String text) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
