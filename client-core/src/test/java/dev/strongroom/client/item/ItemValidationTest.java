package dev.strongroom.client.item;

import static dev.strongroom.client.item.ItemSamples.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.client.cert.CertFixtures;
import dev.strongroom.client.secret.SecretText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ItemValidationTest {

    private static final Instant NOW = ItemSamples.CREATED;

    @Test
    void commonFieldRules() {
        ItemData note = new SecureNote(secret("x"));
        assertRule(() -> ItemContent.builder(note, null, NOW).build(), "name: is required");
        assertRule(() -> ItemContent.builder(note, "  ", NOW).build(), "name: must not be blank");
        assertRule(
                () -> ItemContent.builder(note, "a\u0007b", NOW).build(),
                "name: must not contain control characters (position 2)");
        assertRule(
                () -> ItemContent.builder(note, "n", NOW).folder("/Work").build(),
                "folder: must not have empty segments");
        assertRule(
                () -> ItemContent.builder(note, "n", NOW).folder("Work//DB").build(),
                "folder: must not have empty segments");
        assertRule(
                () -> ItemContent.builder(note, "n", NOW).folder("Work/ DB").build(),
                "folder: segments must not start or end with spaces");
        assertRule(
                () -> ItemContent.builder(note, "n", NOW).tags(List.of("a", "A")).build(),
                "tags[1]: duplicate tag");
        assertRule(
                () ->
                        ItemContent.builder(note, "n", NOW)
                                .addField(new CustomField(FieldKind.TEXT, "x", secret("1")))
                                .addField(new CustomField(FieldKind.HIDDEN, "x", secret("2")))
                                .build(),
                "fields[1].name: duplicate custom field name");
        assertRule(
                () -> new CustomField(FieldKind.URL, "Site", secret("http://a b")),
                "fields.Site: must not contain whitespace");
        assertRule(
                () -> new RotationPolicy(0, LocalDate.EPOCH), "rotation.everyDays: must be 1 to");
        assertRule(
                () -> ItemContent.builder(note, "n", NOW).modified(NOW.minusSeconds(1)).build(),
                "modified: must not be before created");
        assertThat(ItemContent.builder(note, "n", NOW).folder("").notes("").build().folder())
                .isNull();
    }

    @Test
    void typeRules() {
        assertRule(
                () -> new Login(null, null, List.of("https://a", "has space"), null),
                "login.urls[1]: must not contain whitespace");
        assertRule(
                () -> new Login(null, null, List.of(), secret("otpauth://hotp/x?secret=AAAA")),
                "login.totp: otpauth URI is HOTP");
        assertRule(() -> new ApiKey(null, secret("")), "api_key.key: must not be empty");
        assertRule(() -> new ApiKey(null, null), "api_key.key: is required");
        assertRule(
                () -> new DatabaseCredential("PostgreSQL", "h", 5432, null, null, null),
                "database.engine: must be a lower-case identifier");
        assertRule(
                () -> new DatabaseCredential("mysql", "h", 70000, null, null, null),
                "database.port: must be 1 to 65535");
        assertRule(
                () -> new DatabaseCredential("mysql", "a host", 3306, null, null, null),
                "database.host: must not contain whitespace");
        assertRule(
                () -> new SecureNote(secret("x".repeat(Check.LONG + 1))),
                "secure_note.text: must be at most 1048576 characters");
        SecretText wiped = secret("gone");
        wiped.wipe();
        assertRule(() -> new SecureNote(wiped), "secure_note.text: has been wiped");
    }

    @Test
    void sshKeyRules() {
        SshKey key = SshKey.generateEd25519("me@host");
        SshKey other = SshKey.generateEd25519("other");
        assertThat(key.authorizedKeysLine()).endsWith(" me@host");
        assertRule(
                () -> new SshKey(key.privateKey(), other.publicKey(), other.fingerprint(), null),
                "ssh_key.privateKey: does not belong to the public key");
        assertRule(
                () -> new SshKey(key.privateKey(), key.publicKey(), other.fingerprint(), null),
                "ssh_key.fingerprint: does not match the public key");
        assertRule(
                () ->
                        new SshKey(
                                key.privateKey(),
                                key.publicKey() + " comment",
                                key.fingerprint(),
                                null),
                "ssh_key.publicKey: must be 'type base64' without a comment");
        assertRule(
                () -> new SshKey(secret("not a key"), key.publicKey(), key.fingerprint(), null),
                "ssh_key.privateKey: not an OpenSSH private key");
        SshKey imported = SshKey.fromOpenSsh(key.privateKey().copy(), null);
        assertThat(imported.comment()).isEqualTo("me@host");
        assertThat(imported.fingerprint()).isEqualTo(key.fingerprint());
    }

    @Test
    void certificateRules() {
        SecretText ecKey = SecretText.copyOf(CertFixtures.chars("leaf-ec.key"));
        String rsaChain = CertFixtures.text("chain-rsa.pem");
        assertRule(
                () -> CertificateBundle.of(rsaChain, ecKey),
                "certificate.privateKey: does not belong to the leaf certificate");
        assertRule(
                () -> new CertificateBundle(CertFixtures.text("broken-truncated.pem"), null),
                "certificate.chain: truncated PEM");
        assertRule(
                () ->
                        new CertificateBundle(
                                rsaChain,
                                SecretText.copyOf(CertFixtures.chars("leaf-rsa-encrypted.key"))),
                "certificate.privateKey: encrypted private keys are not supported");
        CertificateBundle bundle = (CertificateBundle) ItemSamples.data(ItemType.CERTIFICATE);
        assertThat(bundle.keyMatchesLeaf()).isTrue();
        assertThat(bundle.notAfter()).isEqualTo(Instant.parse("2035-01-01T00:00:00Z"));
    }

    @Test
    void messagesNeverContainValues() {
        String canary = "CANARY-s3cr3t";
        List<ThrowingCallable> attempts =
                List.of(
                        () -> new Login(null, null, List.of(), secret(canary)),
                        () -> new Login(null, null, List.of(canary + " x"), null),
                        () -> new CustomField(FieldKind.URL, "u", secret(canary + " x")),
                        () -> new SshKey(secret(canary), "ssh-ed25519 AAAA", "f", null),
                        () -> new CertificateBundle(canary, null),
                        () ->
                                new CertificateBundle(
                                        CertFixtures.text("chain-rsa.pem"), secret(canary)),
                        () -> EnvironmentSet.parse((canary + "\n").toCharArray()),
                        () -> EnvironmentSet.parse((canary + "=1\n").toCharArray()));
        for (ThrowingCallable attempt : attempts) {
            assertThatThrownBy(attempt)
                    .isInstanceOf(ItemValidationException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("CANARY"));
        }
    }

    private static void assertRule(ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOf(ItemValidationException.class)
                .hasMessageStartingWith(message);
    }
}
