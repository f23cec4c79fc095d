package dev.strongroom.client.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.client.cert.CertFixtures;
import dev.strongroom.client.secret.SecretText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Serialisation round trip and robustness of the reader over random items and mutations. */
class ItemRoundTripPropertyTest {

    @Property(tries = 250)
    void randomItemsRoundTripExactly(@ForAll("items") ItemContent item) {
        byte[] bytes = item.toBytes();
        ItemContent back = ItemContent.fromBytes(bytes);
        assertThat(back).isEqualTo(item);
        assertThat(back.toBytes()).isEqualTo(bytes);
        assertThat(ItemDiff.between(item, back)).isEmpty();
    }

    /** Any single-byte change either still yields a valid item or a clean validation error. */
    @Property(tries = 300)
    void corruptedBytesFailCleanly(
            @ForAll("items") ItemContent item, @ForAll double position, @ForAll byte replacement) {
        byte[] bytes = item.toBytes();
        int index = (int) Math.min(bytes.length - 1, Math.abs(position) % 1.0 * bytes.length);
        bytes[index] = replacement;
        try {
            ItemContent.fromBytes(bytes);
        } catch (ItemValidationException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Test
    void loneSurrogatesAreRejected() {
        assertThatThrownBy(() -> new ApiKey(null, SecretText.copyOf(new char[] {'a', '\ud800'})))
                .hasMessage("api_key.key: must be valid Unicode (unpaired surrogate)");
    }

    @Provide
    Arbitrary<ItemContent> items() {
        Arbitrary<ItemData> data =
                Arbitraries.of(ItemType.values()).flatMap(ItemRoundTripPropertyTest::data);
        Arbitrary<String> name = line(1, 40).filter(s -> !s.isBlank());
        Arbitrary<String> folder =
                segment()
                        .list()
                        .ofMinSize(1)
                        .ofMaxSize(3)
                        .map(l -> String.join("/", l))
                        .injectNull(0.3);
        Arbitrary<List<String>> tags =
                segment().list().ofMaxSize(4).uniqueElements(t -> t.toLowerCase(Locale.ROOT));
        Arbitrary<String> notes =
                text(0, 60)
                        .filter(
                                s ->
                                        s.chars()
                                                .noneMatch(
                                                        c ->
                                                                Check.isControl((char) c)
                                                                        && c != '\n'
                                                                        && c != '\t'))
                        .injectNull(0.3);
        Arbitrary<List<CustomField>> fields =
                Combinators.combine(
                                Arbitraries.of(FieldKind.TEXT, FieldKind.HIDDEN),
                                segment(),
                                text(0, 20))
                        .as((k, n, v) -> new CustomField(k, n, secret(v)))
                        .list()
                        .ofMaxSize(4)
                        .uniqueElements(CustomField::name);
        Arbitrary<RotationPolicy> rotation =
                Combinators.combine(Arbitraries.integers().between(1, 3650), dates())
                        .as(RotationPolicy::new)
                        .injectNull(0.4);
        Arbitrary<Instant> created =
                Arbitraries.longs()
                        .between(0, 4_000_000_000L)
                        .flatMap(
                                s ->
                                        Arbitraries.integers()
                                                .between(0, 999_999_999)
                                                .map(n -> Instant.ofEpochSecond(s, n)));
        Arbitrary<Long> age = Arbitraries.longs().between(0, 100_000_000L);
        return Combinators.combine(
                        data, name, folder, tags, notes, fields, rotation, dates().injectNull(0.5))
                .flatAs(
                        (d, n, f, t, no, cf, r, e) ->
                                Combinators.combine(created, age)
                                        .as(
                                                (c, a) ->
                                                        ItemContent.builder(d, n, c)
                                                                .folder(f)
                                                                .tags(t)
                                                                .notes(no)
                                                                .fields(cf)
                                                                .rotation(r)
                                                                .expires(e)
                                                                .modified(c.plusSeconds(a))
                                                                .build()));
    }

    private static Arbitrary<ItemData> data(ItemType type) {
        Arbitrary<SecretText> secret = text(1, 40).map(ItemRoundTripPropertyTest::secret);
        Arbitrary<String> word = segment();
        switch (type) {
            case LOGIN:
                return Combinators.combine(
                                word.injectNull(0.3),
                                secret.injectNull(0.3),
                                url().list().ofMaxSize(3),
                                Arbitraries.of(
                                                ItemSamples.TOTP_SECRET,
                                                "otpauth://totp/x?secret=GEZDGNBVGY3TQOJQ")
                                        .injectNull(0.5))
                        .as(
                                (u, p, urls, totp) ->
                                        new Login(u, p, urls, totp == null ? null : secret(totp)));
            case API_KEY:
                return Combinators.combine(word.injectNull(0.5), secret).as(ApiKey::new);
            case DATABASE:
                return Combinators.combine(
                                Arbitraries.of("postgresql", "mysql", "redis", "sqlserver"),
                                url(),
                                Arbitraries.integers().between(1, 65535),
                                word.injectNull(0.3),
                                word.injectNull(0.3),
                                secret.injectNull(0.3))
                        .as(DatabaseCredential::new);
            case SSH_KEY:
                return word.injectNull(0.3).map(SshKey::generateEd25519);
            case CERTIFICATE:
                return Arbitraries.of("chain-rsa.pem", "ed25519.crt", "expired-ec.crt")
                        .map(f -> new CertificateBundle(CertFixtures.text(f), null));
            case SECURE_NOTE:
                return text(1, 200).map(t -> new SecureNote(secret(t)));
            default:
                return Combinators.combine(
                                Arbitraries.strings()
                                        .withCharRange('A', 'Z')
                                        .withChars('_')
                                        .ofMinLength(1)
                                        .ofMaxLength(10),
                                text(0, 30))
                        .as((n, v) -> new EnvVar(n, secret(v)))
                        .list()
                        .ofMaxSize(5)
                        .uniqueElements(EnvVar::name)
                        .map(l -> new EnvironmentSet(new ArrayList<>(l)));
        }
    }

    static SecretText secret(String s) {
        return SecretText.copyOf(s.toCharArray());
    }

    /** Any Unicode text including quotes, backslashes, controls and astral characters. */
    private static Arbitrary<String> text(int min, int max) {
        return Arbitraries.strings()
                .all()
                .ofMinLength(min)
                .ofMaxLength(max)
                .filter(s -> Check.wellFormed(s.toCharArray()));
    }

    /** Single-line printable text. */
    private static Arbitrary<String> line(int min, int max) {
        return text(min, max).filter(s -> s.chars().noneMatch(c -> Check.isControl((char) c)));
    }

    private static Arbitrary<String> segment() {
        return line(1, 12).filter(s -> !s.isBlank() && s.strip().equals(s) && !s.contains("/"));
    }

    private static Arbitrary<String> url() {
        return Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars(":/.-_?=&")
                .ofMinLength(1)
                .ofMaxLength(30);
    }

    private static Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 60_000).map(d -> LocalDate.ofEpochDay(d));
    }
}
