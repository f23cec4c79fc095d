package dev.strongroom.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import dev.strongroom.server.tls.SelfSignedCertificate;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {

    @TempDir Path dir;

    @Test
    void selfSignedPairServesHttpsAndTheFingerprintMatches() throws Exception {
        var result =
                SelfSignedCertificate.write(
                        dir.resolve("tls"), List.of("vault.example"), Duration.ofDays(30));
        assertThat(Files.getPosixFilePermissions(result.privateKey()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        X509Certificate cert;
        try (InputStream in = Files.newInputStream(result.certificate())) {
            cert =
                    (X509Certificate)
                            CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        String fingerprint =
                SelfSignedCertificate.colonHex(
                        MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        assertThat(result.sha256Fingerprint()).isEqualTo(fingerprint);
        assertThat(cert.getSubjectAlternativeNames()).hasSize(4);

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ServerConfig config =
                ServerConfig.defaults(dir.resolve("data"))
                        .withPort(port)
                        .withTls(result.certificate(), result.privateKey());
        try (StrongroomServer server = StrongroomServer.start(config)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("pinned", cert);
            TrustManagerFactory tmf =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
            HttpResponse<String> r =
                    client.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    "https://localhost:" + port + "/api/v1/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("strict-transport-security")).isPresent();
        }
    }
}
