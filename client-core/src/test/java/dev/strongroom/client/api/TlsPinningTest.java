package dev.strongroom.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import dev.strongroom.server.tls.SelfSignedCertificate;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A self-signed server over TLS: the pinned fingerprint is the whole trust decision. */
class TlsPinningTest {

    @TempDir static Path dir;
    private static StrongroomServer server;
    private static String url;
    private static TlsPin pin;

    @BeforeAll
    static void start() throws Exception {
        var pair =
                SelfSignedCertificate.write(
                        dir.resolve("tls"), List.of("localhost"), Duration.ofDays(2));
        pin = TlsPin.parse(pair.sha256Fingerprint());
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server =
                StrongroomServer.start(
                        ServerConfig.defaults(dir.resolve("data"))
                                .withPort(port)
                                .withTls(pair.certificate(), pair.privateKey()));
        url = "https://127.0.0.1:" + port;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theRightPinConnects() {
        ServerApi api = ServerApi.connect(ServerEndpoint.of(url, pin));
        assertThat(api.health().status()).isEqualTo("ok");
    }

    @Test
    void aWrongPinIsASecurityAlert() {
        byte[] other = pin.sha256();
        other[31] ^= 1;
        ServerApi api = ServerApi.connect(ServerEndpoint.of(url, TlsPin.of(other)));
        assertThatThrownBy(api::health)
                .isInstanceOfSatisfying(
                        SecurityAlert.class,
                        e -> assertThat(e.code()).isEqualTo(SecurityAlertCode.TLS_PIN_MISMATCH));
    }

    @Test
    void withoutAPinASelfSignedCertificateIsNotTrusted() {
        ServerApi api = ServerApi.connect(ServerEndpoint.of(url, null));
        assertThatThrownBy(api::health).isInstanceOf(TlsHandshakeException.class);
    }
}
