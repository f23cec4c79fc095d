package dev.strongroom.client.adversary;

import dev.strongroom.client.cert.CertFixtures;
import dev.strongroom.client.item.ApiKey;
import dev.strongroom.client.item.CertificateBundle;
import dev.strongroom.client.item.CustomField;
import dev.strongroom.client.item.DatabaseCredential;
import dev.strongroom.client.item.EnvVar;
import dev.strongroom.client.item.EnvironmentSet;
import dev.strongroom.client.item.FieldKind;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.ItemData;
import dev.strongroom.client.item.ItemType;
import dev.strongroom.client.item.Login;
import dev.strongroom.client.item.RotationPolicy;
import dev.strongroom.client.item.SecureNote;
import dev.strongroom.client.item.SshKey;
import dev.strongroom.client.secret.SecretText;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Random canary strings, each registered under a label saying where it was put, and items of every
 * type built from them: names, folders, tags, notes, custom field names and values, and every
 * type-specific field that takes free text. Secrets that are not free text (the SSH key the client
 * generates, the fixture certificate's private key) are registered by a line of their PEM body.
 */
final class Canaries {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    final Map<String, String> all = new LinkedHashMap<>();

    /** A fresh canary: "zk" and 22 random lower-case letters and digits (about 113 bits). */
    String next(String label) {
        String c = "zk" + random(LOWER, 22);
        all.put(label, c);
        return c;
    }

    private String base32(String label) {
        String c = "ZK" + random(BASE32, 30);
        all.put(label, c);
        return c;
    }

    private static String random(String alphabet, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private SecretText secret(String label) {
        return SecretText.copyOf(next(label).toCharArray());
    }

    /** One item of every type, every free-text part a canary. */
    List<ItemContent> everyType() {
        List<ItemContent> out = new ArrayList<>();
        for (ItemType t : ItemType.values()) {
            out.add(item(t));
        }
        return out;
    }

    ItemContent item(ItemType type) {
        String p = type.wireName() + ".";
        Instant now = Instant.parse("2026-03-04T05:06:07Z");
        return ItemContent.builder(data(type, p), next(p + "name"), now)
                .folder(next(p + "folder") + "/" + next(p + "subfolder"))
                .tags(List.of(next(p + "tag1"), next(p + "tag2")))
                .notes(next(p + "notes") + "\n" + next(p + "notes-line2"))
                .addField(
                        new CustomField(
                                FieldKind.TEXT,
                                next(p + "field1.name"),
                                secret(p + "field1.value")))
                .addField(
                        new CustomField(
                                FieldKind.HIDDEN,
                                next(p + "field2.name"),
                                secret(p + "field2.value")))
                .addField(
                        new CustomField(
                                FieldKind.URL,
                                next(p + "field3.name"),
                                SecretText.copyOf(
                                        ("https://" + next(p + "field3.host") + ".example/")
                                                .toCharArray())))
                .rotation(new RotationPolicy(30, LocalDate.parse("2026-03-01")))
                .expires(LocalDate.parse("2027-03-01"))
                .modified(now)
                .build();
    }

    private ItemData data(ItemType type, String p) {
        switch (type) {
            case LOGIN:
                return new Login(
                        next(p + "username"),
                        secret(p + "password"),
                        List.of("https://" + next(p + "url-host") + ".example/login"),
                        SecretText.copyOf(base32(p + "totp").toCharArray()));
            case API_KEY:
                return new ApiKey(next(p + "keyId"), secret(p + "key"));
            case DATABASE:
                return new DatabaseCredential(
                        next(p + "engine"),
                        next(p + "host") + ".internal",
                        5432,
                        next(p + "database"),
                        next(p + "user"),
                        secret(p + "password"));
            case SSH_KEY:
                SshKey k = SshKey.generateEd25519(next(p + "comment"));
                all.put(p + "private-key-pem-line", pemLine(new String(k.privateKey().chars())));
                return k;
            case CERTIFICATE:
                char[] key = CertFixtures.chars("leaf-rsa.key");
                all.put(p + "private-key-pem-line", pemLine(new String(key)));
                return CertificateBundle.of(
                        CertFixtures.text("chain-rsa.pem"), SecretText.copyOf(key));
            case SECURE_NOTE:
                return new SecureNote(secret(p + "text"));
            default:
                return new EnvironmentSet(
                        List.of(
                                new EnvVar(upper(p + "var1.name"), secret(p + "var1.value")),
                                new EnvVar(next(p + "var2.name"), secret(p + "var2.value"))));
        }
    }

    private String upper(String label) {
        String c = next(label).toUpperCase(java.util.Locale.ROOT);
        all.put(label, c);
        return c;
    }

    /** The second base64 line of a PEM body: private, and long enough to be unique. */
    private static String pemLine(String pem) {
        String[] lines = pem.split("\n");
        return lines[2].strip();
    }
}
