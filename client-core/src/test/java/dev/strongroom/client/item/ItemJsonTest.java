package dev.strongroom.client.item;

import static dev.strongroom.client.item.ItemSamples.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ItemJsonTest {

    /** Known answer: these exact bytes are format v1; a change here is a format change. */
    private static final String LOGIN_V1 =
            "{\"v\":1,\"type\":\"login\",\"name\":\"GitHub\",\"folder\":\"Work/Dev\","
                    + "\"tags\":[\"code\",\"2fa\"],\"notes\":\"line 1\\nline 2\","
                    + "\"fields\":[{\"kind\":\"hidden\",\"name\":\"Recovery\",\"value\":\"r-1\"}],"
                    + "\"rotation\":{\"everyDays\":90,\"lastRotated\":\"2026-01-01\"},"
                    + "\"expires\":\"2026-12-31\",\"created\":\"2026-01-02T03:04:05Z\","
                    + "\"modified\":\"2026-01-02T03:04:05Z\",\"data\":{\"username\":\"alice\","
                    + "\"password\":\"p\\\"w\\u0001\",\"urls\":[\"https://github.com\"],"
                    + "\"totp\":\"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\"}}";

    private static ItemContent fixedLogin() {
        return ItemContent.builder(
                        new Login(
                                "alice",
                                secret("p\"w\u0001"),
                                List.of("https://github.com"),
                                secret(ItemSamples.TOTP_SECRET)),
                        "GitHub",
                        Instant.parse("2026-01-02T03:04:05Z"))
                .folder("Work/Dev")
                .tags(List.of("code", "2fa"))
                .notes("line 1\nline 2")
                .addField(new CustomField(FieldKind.HIDDEN, "Recovery", secret("r-1")))
                .rotation(new RotationPolicy(90, java.time.LocalDate.parse("2026-01-01")))
                .expires(java.time.LocalDate.parse("2026-12-31"))
                .build();
    }

    @Test
    void knownAnswerBytes() {
        byte[] bytes = fixedLogin().toBytes();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(LOGIN_V1);
        assertThat(ItemContent.fromBytes(LOGIN_V1.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(fixedLogin());
    }

    @Test
    void minimalItemOmitsAbsentOptionals() {
        ItemContent note =
                ItemContent.builder(
                                new SecureNote(secret("n")),
                                "N",
                                Instant.parse("2026-01-01T00:00:00Z"))
                        .build();
        assertThat(new String(note.toBytes(), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"v\":1,\"type\":\"secure_note\",\"name\":\"N\",\"tags\":[],\"fields\":[],"
                                + "\"created\":\"2026-01-01T00:00:00Z\","
                                + "\"modified\":\"2026-01-01T00:00:00Z\",\"data\":{\"text\":\"n\"}}");
    }

    @ParameterizedTest
    @EnumSource(ItemType.class)
    void everyTypeRoundTrips(ItemType type) {
        ItemContent item = ItemSamples.item(type);
        byte[] bytes = item.toBytes();
        ItemContent back = ItemContent.fromBytes(bytes);
        assertThat(back).isEqualTo(item);
        assertThat(back.type()).isEqualTo(type);
        assertThat(back.toBytes()).isEqualTo(bytes);
        back.close();
        assertThat(item.field("PIN").value().isWiped()).isFalse();
    }

    @Test
    void closeWipesEverySecret() {
        ItemContent item = ItemSamples.item(ItemType.ENVIRONMENT);
        item.close();
        assertThat(item.field("PIN").value().isWiped()).isTrue();
        assertThat(((EnvironmentSet) item.data()).vars())
                .allSatisfy(v -> assertThat(v.value().isWiped()).isTrue());
    }

    @Test
    void toStringNeverShowsSecrets() {
        ItemContent item = ItemSamples.item(ItemType.LOGIN);
        assertThat(item.toString())
                .doesNotContain("correct horse")
                .doesNotContain("4321")
                .doesNotContain(ItemSamples.TOTP_SECRET)
                .contains("SecretText[redacted]");
    }

    @Test
    void unknownAndMissingVersionsAreRejectedWithoutFallback() {
        assertFormat(
                LOGIN_V1.replace("{\"v\":1,", "{\"v\":2,"), "v: unsupported item format version 2");
        assertFormat(
                LOGIN_V1.replace("{\"v\":1,", "{\"v\":0,"), "v: unsupported item format version 0");
        assertFormat(LOGIN_V1.replace("{\"v\":1,", "{\"v\":\"1\","), "v: must be an integer");
        assertFormat(LOGIN_V1.replace("{\"v\":1,", "{\"v\":1.0,"), "v: must be an integer");
        assertFormat(LOGIN_V1.replace("{\"v\":1,", "{"), "v: must be the first key");
        assertFormat(
                LOGIN_V1.replace("{\"v\":1,\"type\":\"login\",", "{\"type\":\"login\",\"v\":1,"),
                "v: must be the first key");
    }

    @Test
    void structuralProblemsAreRejected() {
        assertFormat(
                LOGIN_V1.replace("\"type\":\"login\"", "\"type\":\"wifi\""),
                "type: unknown item type");
        assertFormat(
                LOGIN_V1.replace("\"name\":\"GitHub\",", "\"name\":\"GitHub\",\"colour\":\"red\","),
                "item.colour: unknown key");
        assertFormat(
                LOGIN_V1.replace("\"name\":\"GitHub\",", "\"name\":\"GitHub\",\"name\":\"x\","),
                "item.name: appears twice");
        assertFormat(
                LOGIN_V1.replace("\"username\":\"alice\"", "\"username\":null"),
                "login.username: must not be null");
        assertFormat(
                LOGIN_V1.replace("\"username\":\"alice\"", "\"username\":7"),
                "login.username: must be a JSON string");
        assertFormat(
                LOGIN_V1.replace(
                        "\"username\":\"alice\",", "\"username\":\"alice\",\"pin\":\"1\","),
                "data.pin: unknown key");
        assertFormat(
                LOGIN_V1.replace("\"urls\":[\"https://github.com\"],", ""),
                "login.urls: is missing");
        assertFormat(
                LOGIN_V1.replace(",\"created\":\"2026-01-02T03:04:05Z\"", ""),
                "created: is missing");
        assertFormat(
                LOGIN_V1.replace("\"2026-12-31\"", "\"2026-12-31T00:00\""),
                "expires: must be a date");
        assertFormat(
                LOGIN_V1.replace(
                        "\"created\":\"2026-01-02T03:04:05Z\"",
                        "\"created\":\"2026-01-02T03:04:05.000Z\""),
                "created: must be a UTC instant");
        assertFormat(
                LOGIN_V1.replace("\"kind\":\"hidden\"", "\"kind\":\"secret\""),
                "fields[0].kind: must be text, hidden or url");
        assertFormat(
                LOGIN_V1.replace("\"everyDays\":90", "\"everyDays\":90.5"),
                "rotation.everyDays: must be a JSON integer");
        assertFormat(LOGIN_V1 + " {}", "item: trailing data");
        assertFormat(LOGIN_V1.substring(0, LOGIN_V1.length() - 10), "item: malformed JSON");
        assertFormat("", "item: must be a JSON object");
        assertFormat("[1,2]", "item: must be a JSON object");
        assertFormat("{\"v\":1,/* c */\"type\":\"login\"}", "item: malformed JSON");
    }

    @Test
    void garbageBytesNeverEchoInput() {
        String junk = "{\"v\":1,\"type\":\"login\",\"name\":hunter2secret}";
        assertThatThrownBy(() -> ItemContent.fromBytes(junk.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ItemFormatException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        byte[] binary = new byte[300];
        new java.util.Random(1).nextBytes(binary);
        assertThatThrownBy(() -> ItemContent.fromBytes(binary))
                .isInstanceOf(ItemFormatException.class);
        String unknownJunkKey = LOGIN_V1.replace("\"name\":\"GitHub\",", "\"s3cr3t value!\":1,");
        assertThatThrownBy(
                        () ->
                                ItemContent.fromBytes(
                                        unknownJunkKey.getBytes(StandardCharsets.UTF_8)))
                .hasMessage("item.(unprintable key): unknown key");
    }

    @Test
    void validationFailuresDuringReadNameTheFieldNotTheValue() {
        String badTotp = LOGIN_V1.replace(ItemSamples.TOTP_SECRET, "NOT-BASE32-1!");
        assertThatThrownBy(() -> ItemContent.fromBytes(badTotp.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ItemValidationException.class)
                .isNotInstanceOf(ItemFormatException.class)
                .hasMessageStartingWith("login.totp: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("NOT-BASE32"));
    }

    private static void assertFormat(String json, String message) {
        assertThatThrownBy(() -> ItemContent.fromBytes(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ItemFormatException.class)
                .hasMessageStartingWith(message);
    }
}
