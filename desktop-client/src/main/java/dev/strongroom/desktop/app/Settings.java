package dev.strongroom.desktop.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Properties;

/**
 * The app's preferences in {@code <home>/desktop.properties}: which server to use, the last email,
 * auto-lock and clipboard timeouts and the theme. Nothing secret is stored here. Written whole to a
 * temporary file and renamed, so a crash never leaves half a file. Used on the FX thread only.
 */
public final class Settings {

    /** How the app reaches its vault. */
    public enum Mode {
        /** Nothing chosen yet: the first-run screen is shown. */
        NONE,
        /** The embedded sync server on this computer. */
        LOCAL,
        /** A server profile (URL and optional TLS pin) in {@code servers.json}. */
        REMOTE
    }

    public enum Theme {
        LIGHT,
        DARK
    }

    static final String FILE_NAME = "desktop.properties";
    public static final Duration DEFAULT_AUTO_LOCK = Duration.ofMinutes(5);
    public static final Duration DEFAULT_CLIPBOARD_CLEAR = Duration.ofSeconds(30);

    private final Path file;
    private final Properties values;

    private Settings(Path file, Properties values) {
        this.file = file;
        this.values = values;
    }

    /** Loads the settings of a home directory (defaults when the file does not exist). */
    public static Settings load(Path home) {
        Path file = home.resolve(FILE_NAME);
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // An unreadable preferences file is not worth refusing to start: use defaults.
                p.clear();
            }
        }
        return new Settings(file, p);
    }

    public Mode mode() {
        return enumValue("server.mode", Mode.class, Mode.NONE);
    }

    /** The server profile name used in {@link Mode#REMOTE}. */
    public String remoteProfile() {
        return values.getProperty("server.profile");
    }

    public void useLocal() {
        values.setProperty("server.mode", Mode.LOCAL.name());
        values.remove("server.profile");
    }

    public void useRemote(String profileName) {
        values.setProperty("server.mode", Mode.REMOTE.name());
        values.setProperty("server.profile", profileName);
    }

    /** Back to the first-run choice (the vault data and profiles stay). */
    public void forgetServer() {
        values.remove("server.mode");
        values.remove("server.profile");
    }

    public String lastEmail() {
        return values.getProperty("account.lastEmail", "");
    }

    public void setLastEmail(String email) {
        values.setProperty("account.lastEmail", email);
    }

    public Duration autoLock() {
        return seconds("lock.idleSeconds", DEFAULT_AUTO_LOCK);
    }

    public void setAutoLock(Duration d) {
        values.setProperty("lock.idleSeconds", Long.toString(Math.max(1, d.toSeconds())));
    }

    public Duration clipboardClear() {
        return seconds("clipboard.clearSeconds", DEFAULT_CLIPBOARD_CLEAR);
    }

    public void setClipboardClear(Duration d) {
        values.setProperty("clipboard.clearSeconds", Long.toString(Math.max(1, d.toSeconds())));
    }

    public Theme theme() {
        return enumValue("ui.theme", Theme.class, Theme.LIGHT);
    }

    public void setTheme(Theme theme) {
        values.setProperty("ui.theme", theme.name());
    }

    /** Writes the settings (temporary file, then an atomic rename). */
    public void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "Strongroom desktop settings (nothing secret)");
            }
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot save settings to " + file, e);
        }
    }

    private Duration seconds(String key, Duration fallback) {
        try {
            long s = Long.parseLong(values.getProperty(key, ""));
            return s > 0 ? Duration.ofSeconds(s) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
        try {
            return Enum.valueOf(type, values.getProperty(key, fallback.name()));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
