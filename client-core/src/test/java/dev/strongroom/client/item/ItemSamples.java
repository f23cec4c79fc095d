package dev.strongroom.client.item;

import dev.strongroom.client.cert.CertFixtures;
import dev.strongroom.client.secret.SecretText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One valid item of every type, for tests in this and other packages. */
public final class ItemSamples {

    public static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");
    public static final Instant MODIFIED = Instant.parse("2026-02-03T04:05:06.789Z");

    /** Base32 of the RFC 6238 SHA1 seed. */
    public static final String TOTP_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    private ItemSamples() {}

    public static SecretText secret(String value) {
        return SecretText.copyOf(value.toCharArray());
    }

    public static ItemData data(ItemType type) {
        switch (type) {
            case LOGIN:
                return new Login(
                        "alice@example.com",
                        secret("correct horse battery staple"),
                        List.of("https://example.com/login", "example.org"),
                        secret(TOTP_SECRET));
            case API_KEY:
                return new ApiKey(
                        "AKIAEXAMPLE", secret("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
            case DATABASE:
                return new DatabaseCredential(
                        "postgresql", "db.internal", 5432, "app", "app_rw", secret("pg-pass"));
            case SSH_KEY:
                return SshKey.generateEd25519("deploy@ci");
            case CERTIFICATE:
                return CertificateBundle.of(
                        CertFixtures.text("chain-rsa.pem"),
                        SecretText.copyOf(CertFixtures.chars("leaf-rsa.key")));
            case SECURE_NOTE:
                return new SecureNote(secret("the vault combination is 12-34-56\nsecond line"));
            default:
                return new EnvironmentSet(
                        List.of(
                                new EnvVar("DATABASE_URL", secret("postgres://db/app")),
                                new EnvVar("EMPTY", secret("")),
                                new EnvVar("_private", secret("x=y"))));
        }
    }

    public static ItemContent item(ItemType type) {
        return ItemContent.builder(data(type), "Sample " + type.wireName(), CREATED)
                .folder("Work/Infra")
                .tags(List.of("prod", "team-a"))
                .notes("rotate with the runbook")
                .addField(new CustomField(FieldKind.TEXT, "Region", secret("eu-west-1")))
                .addField(new CustomField(FieldKind.HIDDEN, "PIN", secret("4321")))
                .addField(new CustomField(FieldKind.URL, "Console", secret("https://console")))
                .rotation(new RotationPolicy(90, LocalDate.parse("2026-01-01")))
                .expires(LocalDate.parse("2027-01-01"))
                .modified(MODIFIED)
                .build();
    }
}
