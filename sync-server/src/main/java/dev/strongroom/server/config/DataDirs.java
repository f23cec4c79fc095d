package dev.strongroom.server.config;

import java.nio.file.Path;
import java.util.Map;

/** The default data directory: $XDG_DATA_HOME/strongroom-server or ~/.local/share/... */
public final class DataDirs {

    private DataDirs() {}

    public static Path defaultDataDir(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "strongroom-server");
        }
        return Path.of(userHome, ".local", "share", "strongroom-server");
    }
}
