package dev.strongroom.desktop.app;

import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.kdf.KdfParams;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the app is started with: where its data lives and the password-hashing parameters for new
 * accounts. The product reads it from the environment; tests build one over a temporary directory
 * with cheaper (still floor-respecting) KDF parameters.
 *
 * @param home the app's directory: settings, server profiles, KDF pins, caches, the local vault
 * @param newAccountKdf the Argon2id parameters a new account is registered with
 */
public record AppConfig(Path home, KdfParams newAccountKdf) {

    public static final String ENV_HOME = "STRONGROOM_DESKTOP_HOME";

    public AppConfig {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(newAccountKdf, "newAccountKdf");
        home = home.toAbsolutePath().normalize();
    }

    /**
     * {@code $STRONGROOM_DESKTOP_HOME}, else {@code $XDG_DATA_HOME/strongroom-desktop}, else {@code
     * ~/.local/share/strongroom-desktop}; the product's default KDF.
     */
    public static AppConfig fromEnvironment(Map<String, String> env) {
        return new AppConfig(
                defaultHome(env, System.getProperty("user.home")), Argon2idParams.DEFAULT);
    }

    static Path defaultHome(Map<String, String> env, String userHome) {
        String explicit = env.get(ENV_HOME);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "strongroom-desktop");
        }
        return Path.of(userHome, ".local", "share", "strongroom-desktop");
    }

    /** The embedded sync server's data directory (its SQLite database). */
    public Path localServerDir() {
        return home.resolve("local-vault");
    }

    /** Where the per-account encrypted caches live. */
    public Path cacheDir() {
        return home.resolve("caches");
    }
}
