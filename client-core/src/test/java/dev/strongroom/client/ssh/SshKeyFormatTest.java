package dev.strongroom.client.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.client.secret.SecretText;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SshKeyFormatTest {

    /** A fixed test-only key made by ssh-keygen 9.2 ({@code ssh-keygen -t ed25519 -N ''}). */
    static final String FIXED_PRIVATE =
            "-----BEGIN OPENSSH PRIVATE KEY-----\n"
                    + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
                    + "QyNTUxOQAAACBFHmFSt+ipXrDtpO1rvw1diYCpDbFmFfCW1r35ndmAIwAAAJAymM0oMpjN\n"
                    + "KAAAAAtzc2gtZWQyNTUxOQAAACBFHmFSt+ipXrDtpO1rvw1diYCpDbFmFfCW1r35ndmAIw\n"
                    + "AAAEDemjM7TWmU5saq2QroEDOc179p3+9WOzGeSs8KRG4bF0UeYVK36KlesO2k7Wu/DV2J\n"
                    + "gKkNsWYV8JbWvfmd2YAjAAAACmZpeHR1cmVAY2kBAgM=\n"
                    + "-----END OPENSSH PRIVATE KEY-----\n";

    static final String FIXED_PUBLIC =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEUeYVK36KlesO2k7Wu/DV2JgKkNsWYV8JbWvfmd2YAj fixture@ci";

    /** From {@code ssh-keygen -l -f} on the same key. */
    static final String FIXED_FINGERPRINT = "SHA256:UscFOSO6r1le9QCR5iPHvrobFB+AcBeuG2rgY27Q9Oc";

    @Test
    void generatedKeyRoundTrips() {
        try (SshKeyPair pair = SshKeyPair.generateEd25519("me@host");
                SecretText pem = pair.toOpenSshPrivateKey()) {
            char[] chars = pem.chars();
            assertThat(new String(chars)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n");
            try (SshKeyPair back = SshKeyPair.parseOpenSshPrivateKey(chars)) {
                assertThat(back.publicKey()).isEqualTo(pair.publicKey());
                assertThat(back.comment()).isEqualTo("me@host");
            }
            assertThat(SshPublicKey.parse(pair.publicKey().toAuthorizedKeysLine()))
                    .isEqualTo(pair.publicKey());
            assertThat(pair.toString()).doesNotContain(new String(chars, 40, 20));
        }
    }

    @Test
    void fixedKeyFromSshKeygen() {
        try (SshKeyPair pair = SshKeyPair.parseOpenSshPrivateKey(FIXED_PRIVATE.toCharArray())) {
            assertThat(pair.publicKey().toAuthorizedKeysLine()).isEqualTo(FIXED_PUBLIC);
            assertThat(pair.fingerprintSha256()).isEqualTo(FIXED_FINGERPRINT);
        }
    }

    @Test
    void publicKeyLineRejections() {
        assertPublicRejected("", "empty");
        assertPublicRejected("ssh-ed25519", "no Base64 key");
        assertPublicRejected("ssh-ed25519 !!!!", "invalid Base64");
        assertPublicRejected("command=\"ls\" ssh-ed25519 AAAA", "options before it");
        String blob = FIXED_PUBLIC.split(" ")[1];
        assertPublicRejected("ssh-rsa " + blob, "does not match the type inside");
        assertPublicRejected("ssh-ed25519 " + blob + " a\nb", "single line");
        assertPublicRejected(
                "ssh-ed25519 " + Base64.getEncoder().encodeToString(new byte[] {0, 0, 0, 9, 1}),
                "malformed");
    }

    @Test
    void brokenPrivateKeysGiveClearErrors() {
        String body = FIXED_PRIVATE;
        assertPrivateRejected(body.substring(0, body.length() / 2), "no END line");
        assertPrivateRejected(
                body.replace("OPENSSH PRIVATE KEY", "RSA PRIVATE KEY"),
                "expected one PEM block OPENSSH PRIVATE KEY, found RSA PRIVATE KEY");
        assertPrivateRejected("garbage\n", "outside PEM blocks at line 1");
        assertPrivateRejected(body.replace("b3Blbn", "b3B!bn"), "invalid character");
        // a flipped byte in the private part breaks the consistency checks
        assertPrivateRejected(body.replace("AAAEDemjM7", "AAAEDemjM8"), "does not match");
        String notOpenSsh =
                "-----BEGIN OPENSSH PRIVATE KEY-----\n"
                        + Base64.getEncoder().encodeToString("not-a-key".getBytes())
                        + "\n-----END OPENSSH PRIVATE KEY-----\n";
        assertPrivateRejected(notOpenSsh, "bad magic");
    }

    private static void assertPublicRejected(String line, String part) {
        assertThatThrownBy(() -> SshPublicKey.parse(line))
                .isInstanceOf(SshKeyException.class)
                .hasMessageContaining(part);
    }

    private static void assertPrivateRejected(String pem, String part) {
        assertThatThrownBy(() -> SshKeyPair.parseOpenSshPrivateKey(pem.toCharArray()))
                .isInstanceOf(SshKeyException.class)
                .hasMessageContaining(part);
    }
}
