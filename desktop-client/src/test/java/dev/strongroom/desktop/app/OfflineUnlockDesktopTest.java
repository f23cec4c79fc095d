package dev.strongroom.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.client.account.ServerProfile;
import dev.strongroom.client.account.WrongPasswordException;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.ServerUnreachableException;
import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's unlock with its remote server down: a device that logged in before opens its cache
 * offline; one that never did gets the unreachable error; a wrong password opens nothing.
 */
class OfflineUnlockDesktopTest {

    @TempDir Path dir;

    @Test
    void aDeviceThatLoggedInBeforeUnlocksFromItsCacheWithTheServerDown() {
        AppConfig config = new AppConfig(dir.resolve("home"), new Argon2idParams(19456, 2, 1));
        StrongroomServer server =
                StrongroomServer.start(ServerConfig.defaults(dir.resolve("server")).withPort(0));
        Connection connection =
                Connection.remote(
                        new ServerProfile(
                                "remote",
                                ServerEndpoint.of("http://127.0.0.1:" + server.port(), null)));
        char[] password = "desktop offline password".toCharArray();
        try {
            OpenAccount.register(config, connection, "desk@example.test", password);
            try (OpenAccount online =
                    OpenAccount.login(config, connection, "desk@example.test", password)) {
                assertThat(online.isOffline()).isFalse();
            }
        } finally {
            server.close();
        }
        try (OpenAccount offline =
                OpenAccount.login(config, connection, "desk@example.test", password)) {
            assertThat(offline.isOffline()).isTrue();
        }
        assertThatThrownBy(
                        () ->
                                OpenAccount.login(
                                        config,
                                        connection,
                                        "desk@example.test",
                                        "nope".toCharArray()))
                .isInstanceOf(WrongPasswordException.class);
        assertThatThrownBy(
                        () -> OpenAccount.login(config, connection, "other@example.test", password))
                .isInstanceOf(ServerUnreachableException.class);
    }
}
