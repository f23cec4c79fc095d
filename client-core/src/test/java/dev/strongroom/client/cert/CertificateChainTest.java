package dev.strongroom.client.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CertificateChainTest {

    /** From {@code openssl x509 -noout -fingerprint -sha256} on the fixture. */
    private static final String LEAF_RSA_SHA256 =
            "56:79:82:E6:1B:80:A3:95:CC:F6:EE:F3:34:94:DE:EB:"
                    + "B0:E4:EC:64:D2:5F:D5:8F:EB:75:1E:16:E9:FA:64:19";

    private static final String EXPIRED_EC_SHA256 =
            "78:A6:2C:C6:C1:BE:93:34:16:22:89:9A:E1:A0:11:0A:"
                    + "AB:A8:B8:C0:59:17:DC:16:4D:E2:72:E4:EF:60:32:63";

    @Test
    void chainLeafFirstWithDatesAndFingerprint() {
        CertificateChain chain = CertificateChain.parse(CertFixtures.text("chain-rsa.pem"));
        assertThat(chain.size()).isEqualTo(2);
        assertThat(chain.isOrdered()).isTrue();
        CertificateInfo leaf = chain.leafInfo();
        assertThat(leaf.subject()).isEqualTo("O=Strongroom Test,CN=leaf.example.test");
        assertThat(leaf.issuer()).isEqualTo("CN=Strongroom Test CA,O=Strongroom Test");
        assertThat(leaf.notBefore()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(leaf.notAfter()).isEqualTo(Instant.parse("2035-01-01T00:00:00Z"));
        assertThat(leaf.sha256Fingerprint()).isEqualTo(LEAF_RSA_SHA256);
        assertThat(leaf.publicKeyAlgorithm()).isEqualTo("RSA");
        assertThat(chain.earliestNotAfter()).isEqualTo(leaf.notAfter());
        assertThat(chain.infos().get(1).subject()).isEqualTo(leaf.issuer());
    }

    @Test
    void daysToExpiryRoundsDownAndGoesNegative() {
        CertificateInfo leaf = CertificateChain.parse(CertFixtures.text("leaf-rsa.crt")).leafInfo();
        assertThat(leaf.daysToExpiry(Instant.parse("2034-12-01T00:00:00Z"))).isEqualTo(31);
        assertThat(leaf.daysToExpiry(Instant.parse("2034-12-31T12:00:00Z"))).isZero();
        assertThat(leaf.daysToExpiry(Instant.parse("2035-01-01T00:00:01Z"))).isEqualTo(-1);
        assertThat(leaf.isExpired(Instant.parse("2035-01-01T00:00:01Z"))).isTrue();
        assertThat(leaf.isNotYetValid(Instant.parse("2024-12-31T23:59:59Z"))).isTrue();
    }

    @Test
    void expiredCertificate() {
        CertificateInfo info =
                CertificateChain.parse(CertFixtures.text("expired-ec.crt")).leafInfo();
        assertThat(info.sha256Fingerprint()).isEqualTo(EXPIRED_EC_SHA256);
        assertThat(info.isExpired(Instant.parse("2026-01-01T00:00:00Z"))).isTrue();
        assertThat(info.daysToExpiry(Instant.parse("2021-01-31T00:00:00Z"))).isEqualTo(-30);
    }

    @Test
    void keysMatchTheirCertificatesOnly() {
        var rsaLeaf = CertificateChain.parse(CertFixtures.text("chain-rsa.pem")).leaf();
        var ecLeaf = CertificateChain.parse(CertFixtures.text("expired-ec.crt")).leaf();
        var edLeaf = CertificateChain.parse(CertFixtures.text("ed25519.crt")).leaf();
        PrivateKey rsa = PemPrivateKey.parse(CertFixtures.chars("leaf-rsa.key"));
        PrivateKey ec = PemPrivateKey.parse(CertFixtures.chars("leaf-ec.key"));
        PrivateKey ed = PemPrivateKey.parse(CertFixtures.chars("ed25519.key"));
        assertThat(PemPrivateKey.matches(rsa, rsaLeaf)).isTrue();
        assertThat(PemPrivateKey.matches(ec, ecLeaf)).isTrue();
        assertThat(PemPrivateKey.matches(ed, edLeaf)).isTrue();
        assertThat(PemPrivateKey.matches(rsa, ecLeaf)).isFalse();
        assertThat(PemPrivateKey.matches(ec, rsaLeaf)).isFalse();
        assertThat(PemPrivateKey.matches(ed, ecLeaf)).isFalse();
        assertThat(PemPrivateKey.matches(ec, edLeaf)).isFalse();
    }

    @Test
    void anotherRsaKeyDoesNotMatch() throws Exception {
        var rsaLeaf = CertificateChain.parse(CertFixtures.text("leaf-rsa.crt")).leaf();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        assertThat(PemPrivateKey.matches(generator.generateKeyPair().getPrivate(), rsaLeaf))
                .isFalse();
    }

    @Test
    void brokenCertificatesGiveClearErrors() {
        assertChainRejected("broken-truncated.pem", "truncated PEM: no END line for CERTIFICATE");
        assertChainRejected("broken-mismatched-armour.pem", "does not match BEGIN");
        assertChainRejected(
                "broken-wrong-armour.pem", "unexpected text outside PEM blocks at line 1");
        assertChainRejected("broken-garbage.pem", "unexpected text outside PEM blocks at line 1");
        assertChainRejected("broken-not-der.pem", "PEM block 1 is not a valid X.509 certificate");
        assertChainRejected("leaf-rsa.key", "PEM block 1 is PRIVATE KEY, expected CERTIFICATE");
        assertThatThrownBy(() -> CertificateChain.parse(""))
                .isInstanceOf(PemException.class)
                .hasMessage("no PEM block found");
        assertThatThrownBy(
                        () ->
                                CertificateChain.parse(
                                        "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n"))
                .hasMessageContaining("empty PEM block");
        assertThatThrownBy(
                        () ->
                                CertificateChain.parse(
                                        "-----BEGIN CERTIFICATE-----\nAAAAA\n-----END CERTIFICATE-----\n"))
                .hasMessageContaining("invalid Base64");
    }

    @Test
    void brokenAndUnsupportedKeysGiveClearErrors() {
        assertKeyRejected("leaf-rsa-pkcs1.key", "RSA PRIVATE KEY (legacy format) is not supported");
        assertKeyRejected("leaf-rsa-encrypted.key", "encrypted private keys are not supported");
        assertKeyRejected("leaf-rsa.crt", "expected PRIVATE KEY");
        assertKeyRejected("chain-rsa.pem", "exactly one private key PEM block, found 2");
        String garbage =
                "-----BEGIN PRIVATE KEY-----\nAAECAwQFBgcICQ==\n-----END PRIVATE KEY-----\n";
        assertThatThrownBy(() -> PemPrivateKey.parse(garbage.toCharArray()))
                .isInstanceOf(PemException.class)
                .hasMessage("PRIVATE KEY block is not a valid PKCS#8 structure");
    }

    @Test
    void crlfAndSurroundingBlankLinesAreAccepted() {
        String crlf = "\r\n\r\n" + CertFixtures.text("leaf-rsa.crt").replace("\n", "\r\n") + "\r\n";
        assertThat(CertificateChain.parse(crlf).leafInfo().sha256Fingerprint())
                .isEqualTo(LEAF_RSA_SHA256);
    }

    private static void assertChainRejected(String fixture, String message) {
        assertThatThrownBy(() -> CertificateChain.parse(CertFixtures.text(fixture)))
                .isInstanceOf(PemException.class)
                .hasMessageContaining(message);
    }

    private static void assertKeyRejected(String fixture, String message) {
        assertThatThrownBy(() -> PemPrivateKey.parse(CertFixtures.chars(fixture)))
                .isInstanceOf(PemException.class)
                .hasMessageContaining(message);
    }
}
