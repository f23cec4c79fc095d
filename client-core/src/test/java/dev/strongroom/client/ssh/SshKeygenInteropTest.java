package dev.strongroom.client.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strongroom.client.secret.SecretText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our OpenSSH encodings checked by the real ssh-keygen, in both directions. */
class SshKeygenInteropTest {

    private static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");

    @TempDir Path dir;

    @BeforeAll
    static void requireSshKeygen() {
        assumeTrue(
                Files.isExecutable(SSH_KEYGEN),
                "ssh-keygen not installed at /usr/bin/ssh-keygen: OpenSSH interop tests skipped");
    }

    @Test
    void sshKeygenDerivesOurPublicKeyFromOurPrivateKey() throws Exception {
        try (SshKeyPair pair = SshKeyPair.generateEd25519("alice@laptop");
                SecretText pem = pair.toOpenSshPrivateKey()) {
            Path key = writePrivate(dir.resolve("id_ed25519"), pem);
            String derived = run("-y", "-f", key.toString()).strip();
            SshPublicKey fromKeygen = SshPublicKey.parse(derived);
            assertThat(fromKeygen.sameKeyAs(pair.publicKey())).isTrue();
            // ssh-keygen -y prints the comment stored in the private part
            assertThat(derived).isEqualTo(pair.publicKey().toAuthorizedKeysLine());
        }
    }

    @Test
    void fingerprintMatchesSshKeygenL() throws Exception {
        try (SshKeyPair pair = SshKeyPair.generateEd25519("ci@build")) {
            Path pub = dir.resolve("id.pub");
            Files.writeString(pub, pair.publicKey().toAuthorizedKeysLine() + "\n");
            String listed = run("-l", "-f", pub.toString()).strip();
            // "256 SHA256:... ci@build (ED25519)"
            assertThat(listed.split(" ")[1]).isEqualTo(pair.fingerprintSha256());
            assertThat(listed).isEqualTo("256 " + pair.fingerprintSha256() + " ci@build (ED25519)");
        }
    }

    @Test
    void weParseAKeySshKeygenGenerated() throws Exception {
        Path key = dir.resolve("gen_ed25519");
        run("-q", "-t", "ed25519", "-N", "", "-C", "made by ssh-keygen", "-f", key.toString());
        char[] pem = new String(Files.readAllBytes(key), StandardCharsets.US_ASCII).toCharArray();
        String pubLine = Files.readString(Path.of(key + ".pub")).strip();
        try (SshKeyPair pair = SshKeyPair.parseOpenSshPrivateKey(pem)) {
            assertThat(pair.publicKey().toAuthorizedKeysLine()).isEqualTo(pubLine);
            assertThat(pair.comment()).isEqualTo("made by ssh-keygen");
            String listed = run("-l", "-f", key + ".pub");
            assertThat(listed).contains(pair.fingerprintSha256());
            // and our re-encoding is accepted by ssh-keygen again
            try (SecretText again = pair.toOpenSshPrivateKey()) {
                Path copy = writePrivate(dir.resolve("copy"), again);
                assertThat(run("-y", "-f", copy.toString()).strip()).isEqualTo(pubLine);
            }
        }
        assertThat(SshKeyPair.readPublicKey(pem).sameKeyAs(SshPublicKey.parse(pubLine))).isTrue();
    }

    @Test
    void publicKeyOfAPassphraseProtectedRsaKeyIsReadableWithoutThePassphrase() throws Exception {
        Path key = dir.resolve("rsa_protected");
        run("-q", "-t", "rsa", "-b", "1024", "-N", "correct horse", "-f", key.toString());
        char[] pem = new String(Files.readAllBytes(key), StandardCharsets.US_ASCII).toCharArray();
        SshPublicKey pub = SshPublicKey.parse(Files.readString(Path.of(key + ".pub")));
        assertThat(SshKeyPair.readPublicKey(pem).sameKeyAs(pub)).isTrue();
        assertThat(pub.keyType()).isEqualTo("ssh-rsa");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> SshKeyPair.parseOpenSshPrivateKey(pem))
                .isInstanceOf(SshKeyException.class)
                .hasMessageContaining("passphrase-protected");
    }

    private static Path writePrivate(Path file, SecretText pem) throws IOException {
        Files.createFile(
                file,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        char[] chars = pem.chars();
        byte[] bytes = new byte[chars.length];
        for (int i = 0; i < chars.length; i++) {
            bytes[i] = (byte) chars[i];
        }
        Files.write(file, bytes);
        java.util.Arrays.fill(chars, '\0');
        java.util.Arrays.fill(bytes, (byte) 0);
        return file;
    }

    private static String run(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(SSH_KEYGEN.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("ssh-keygen %s: %s", command, output).isZero();
        return output;
    }
}
