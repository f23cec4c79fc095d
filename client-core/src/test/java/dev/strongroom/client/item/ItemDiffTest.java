package dev.strongroom.client.item;

import static dev.strongroom.client.item.ItemSamples.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.client.item.FieldChange.Kind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemDiffTest {

    private static final Instant LATER = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void identicalVersionsHaveNoChanges() {
        ItemContent item = ItemSamples.item(ItemType.LOGIN);
        assertThat(ItemDiff.between(item, item.copy())).isEmpty();
    }

    @Test
    void reportsFieldsWithoutValues() {
        ItemContent v1 = ItemSamples.item(ItemType.LOGIN);
        Login login = (Login) v1.data();
        ItemContent v2 =
                v1.copy().toBuilder()
                        .name("Renamed")
                        .notes(null)
                        .data(
                                new Login(
                                        login.username(),
                                        secret("new password"),
                                        login.urls(),
                                        null))
                        .fields(
                                List.of(
                                        new CustomField(FieldKind.HIDDEN, "PIN", secret("9999")),
                                        new CustomField(FieldKind.TEXT, "Added", secret("a"))))
                        .modified(LATER)
                        .build();
        List<FieldChange> changes = ItemDiff.between(v1, v2);
        assertThat(changes)
                .containsExactly(
                        new FieldChange(FieldRef.item("name"), Kind.CHANGED, false),
                        new FieldChange(FieldRef.item("notes"), Kind.REMOVED, false),
                        new FieldChange(FieldRef.data("password"), Kind.CHANGED, true),
                        new FieldChange(FieldRef.data("totp"), Kind.REMOVED, true),
                        new FieldChange(FieldRef.custom("Region"), Kind.REMOVED, false),
                        new FieldChange(FieldRef.custom("PIN"), Kind.CHANGED, true),
                        new FieldChange(FieldRef.custom("Console"), Kind.REMOVED, false),
                        new FieldChange(FieldRef.custom("Added"), Kind.ADDED, false));
        assertThat(changes.toString()).doesNotContain("9999").doesNotContain("new password");
        assertThat(changes.get(2).field().toString()).isEqualTo("data.password");
    }

    @Test
    void environmentVariablesDiffOneByOne() {
        ItemContent v1 = ItemSamples.item(ItemType.ENVIRONMENT);
        ItemContent v2 =
                v1.copy().toBuilder()
                        .data(
                                new EnvironmentSet(
                                        List.of(
                                                new EnvVar(
                                                        "DATABASE_URL",
                                                        secret("postgres://db2/app")),
                                                new EnvVar("EMPTY", secret("")),
                                                new EnvVar("NEW", secret("n")))))
                        .build();
        assertThat(ItemDiff.between(v1, v2))
                .containsExactly(
                        new FieldChange(FieldRef.env("DATABASE_URL"), Kind.CHANGED, true),
                        new FieldChange(FieldRef.env("_private"), Kind.REMOVED, true),
                        new FieldChange(FieldRef.env("NEW"), Kind.ADDED, true));
    }

    @Test
    void restoreEachKindOfField() {
        ItemContent v1 = ItemSamples.item(ItemType.LOGIN);
        Login login = (Login) v1.data();
        ItemContent v2 =
                v1.copy().toBuilder()
                        .name("Renamed")
                        .data(new Login(null, secret("new"), login.urls(), null))
                        .fields(List.of())
                        .modified(LATER)
                        .build();
        Instant now = LATER.plusSeconds(60);

        ItemContent passwordBack = ItemDiff.restore(v2, v1, FieldRef.data("password"), now);
        assertThat(((Login) passwordBack.data()).password()).isEqualTo(login.password());
        assertThat(((Login) passwordBack.data()).username()).isNull();
        assertThat(passwordBack.name()).isEqualTo("Renamed");
        assertThat(passwordBack.modified()).isEqualTo(now);

        ItemContent nameBack = ItemDiff.restore(v2, v1, FieldRef.item("name"), now);
        assertThat(nameBack.name()).isEqualTo(v1.name());

        ItemContent pinBack = ItemDiff.restore(v2, v1, FieldRef.custom("PIN"), now);
        assertThat(pinBack.field("PIN")).isEqualTo(v1.field("PIN"));

        // restoring a field the older version lacked removes it
        ItemContent usernameGone = ItemDiff.restore(v1, v2, FieldRef.data("username"), now);
        assertThat(((Login) usernameGone.data()).username()).isNull();

        // restore results share no secrets with their inputs
        pinBack.close();
        assertThat(v1.field("PIN").value().isWiped()).isFalse();
        passwordBack.close();
        assertThat(login.password().isWiped()).isFalse();
        assertThat(((Login) v2.data()).password().isWiped()).isFalse();
    }

    @Test
    void restoreEnvVariable() {
        ItemContent v1 = ItemSamples.item(ItemType.ENVIRONMENT);
        ItemContent v2 =
                v1.copy().toBuilder()
                        .data(new EnvironmentSet(List.of(new EnvVar("EMPTY", secret("now set")))))
                        .build();
        ItemContent back = ItemDiff.restore(v2, v1, FieldRef.env("DATABASE_URL"), LATER);
        EnvironmentSet vars = (EnvironmentSet) back.data();
        assertThat(vars.vars()).extracting(EnvVar::name).containsExactly("EMPTY", "DATABASE_URL");
        assertThat(vars.get("DATABASE_URL").value())
                .isEqualTo(((EnvironmentSet) v1.data()).get("DATABASE_URL").value());
    }

    @Test
    void restoreRefusals() {
        ItemContent login = ItemSamples.item(ItemType.LOGIN);
        ItemContent note = ItemSamples.item(ItemType.SECURE_NOTE);
        assertThatThrownBy(() -> ItemDiff.restore(login, note, FieldRef.data("password"), LATER))
                .hasMessage("data.password: cannot be restored across item types");
        assertThatThrownBy(() -> ItemDiff.restore(login, login, FieldRef.item("type"), LATER))
                .hasMessage("type: is not a field that can be restored");
        assertThatThrownBy(() -> ItemDiff.restore(login, login, FieldRef.custom("nope"), LATER))
                .hasMessage("field:nope: exists in neither version");
        assertThatThrownBy(() -> ItemDiff.restore(login, login, FieldRef.data("port"), LATER))
                .hasMessage("data.port: is not a field of login");
        ItemContent apiKey = ItemSamples.item(ItemType.API_KEY);
        ItemContent noKeyId = apiKey.copy().toBuilder().data(new ApiKey(null, secret("k"))).build();
        assertThat(
                        ((ApiKey)
                                        ItemDiff.restore(
                                                        noKeyId,
                                                        apiKey,
                                                        FieldRef.data("keyId"),
                                                        LATER)
                                                .data())
                                .keyId())
                .isEqualTo("AKIAEXAMPLE");
    }
}
