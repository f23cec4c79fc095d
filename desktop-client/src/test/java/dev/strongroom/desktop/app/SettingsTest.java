package dev.strongroom.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir Path home;

    @Test
    void defaultsThenRoundTrip() {
        Settings s = Settings.load(home);
        assertThat(s.mode()).isEqualTo(Settings.Mode.NONE);
        assertThat(s.autoLock()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.clipboardClear()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.theme()).isEqualTo(Settings.Theme.LIGHT);

        s.useRemote("desktop");
        s.setAutoLock(Duration.ofMinutes(2));
        s.setClipboardClear(Duration.ofSeconds(12));
        s.setTheme(Settings.Theme.DARK);
        s.setLastEmail("a@example.test");
        s.save();

        Settings again = Settings.load(home);
        assertThat(again.mode()).isEqualTo(Settings.Mode.REMOTE);
        assertThat(again.remoteProfile()).isEqualTo("desktop");
        assertThat(again.autoLock()).isEqualTo(Duration.ofMinutes(2));
        assertThat(again.clipboardClear()).isEqualTo(Duration.ofSeconds(12));
        assertThat(again.theme()).isEqualTo(Settings.Theme.DARK);
        assertThat(again.lastEmail()).isEqualTo("a@example.test");
    }

    @Test
    void garbageValuesFallBackToDefaults() throws Exception {
        Files.writeString(
                home.resolve(Settings.FILE_NAME),
                "server.mode=SIDEWAYS\nlock.idleSeconds=-4\nclipboard.clearSeconds=soon\n");
        Settings s = Settings.load(home);
        assertThat(s.mode()).isEqualTo(Settings.Mode.NONE);
        assertThat(s.autoLock()).isEqualTo(Settings.DEFAULT_AUTO_LOCK);
        assertThat(s.clipboardClear()).isEqualTo(Settings.DEFAULT_CLIPBOARD_CLEAR);
    }

    @Test
    void homeFollowsTheEnvironment() {
        assertThat(AppConfig.defaultHome(Map.of(AppConfig.ENV_HOME, "/tmp/x"), "/home/u"))
                .isEqualTo(Path.of("/tmp/x"));
        assertThat(AppConfig.defaultHome(Map.of("XDG_DATA_HOME", "/data"), "/home/u"))
                .isEqualTo(Path.of("/data/strongroom-desktop"));
        assertThat(AppConfig.defaultHome(Map.of(), "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/strongroom-desktop"));
    }
}
