package dev.strongroom.client.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.kdf.KdfParams;
import dev.strongroom.crypto.kdf.Pbkdf2Params;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KdfPinsTest {

    private static final byte[] SALT = new byte[16];

    private static dev.strongroom.model.wire.KdfParams argon(int m, int t, int p) {
        return dev.strongroom.model.wire.KdfParams.argon2id(m, t, p, SALT);
    }

    private static dev.strongroom.model.wire.KdfParams pbkdf2(int c) {
        return dev.strongroom.model.wire.KdfParams.pbkdf2(c, SALT);
    }

    private static SecurityAlertCode alertOf(
            dev.strongroom.model.wire.KdfParams offered, KdfParams pinned) {
        try {
            KdfPolicy.accept(offered, Optional.ofNullable(pinned));
            return null;
        } catch (SecurityAlert e) {
            return e.code();
        }
    }

    @Test
    void floorsApplyWithOrWithoutAPin() {
        assertThat(alertOf(argon(19455, 2, 1), null)).isEqualTo(SecurityAlertCode.KDF_DOWNGRADE);
        assertThat(alertOf(argon(19456, 1, 1), null)).isEqualTo(SecurityAlertCode.KDF_DOWNGRADE);
        assertThat(alertOf(argon(19456, 2, 0), null)).isEqualTo(SecurityAlertCode.KDF_DOWNGRADE);
        assertThat(alertOf(argon(-1, 2, 1), null)).isEqualTo(SecurityAlertCode.KDF_DOWNGRADE);
        assertThat(alertOf(pbkdf2(599_999), null)).isEqualTo(SecurityAlertCode.KDF_DOWNGRADE);
        assertThat(alertOf(argon(19456, 2, 1), null)).isNull();
        assertThat(alertOf(pbkdf2(600_000), null)).isNull();
    }

    @Test
    void ceilingsAreOutOfRange() {
        assertThat(alertOf(argon((1 << 20) + 1, 3, 4), null))
                .isEqualTo(SecurityAlertCode.KDF_OUT_OF_RANGE);
        assertThat(alertOf(argon(65536, 65, 4), null))
                .isEqualTo(SecurityAlertCode.KDF_OUT_OF_RANGE);
        assertThat(alertOf(argon(65536, 3, 17), null))
                .isEqualTo(SecurityAlertCode.KDF_OUT_OF_RANGE);
        assertThat(alertOf(pbkdf2(10_000_001), null)).isEqualTo(SecurityAlertCode.KDF_OUT_OF_RANGE);
    }

    @Test
    void offersWeakerThanThePinAreDowngrades() {
        KdfParams pinned = Argon2idParams.DEFAULT; // 65536, 3, 4
        assertThat(alertOf(argon(65535, 3, 4), pinned)).isEqualTo(SecurityAlertCode.KDF_DOWNGRADE);
        assertThat(alertOf(argon(65536, 2, 4), pinned)).isEqualTo(SecurityAlertCode.KDF_DOWNGRADE);
        assertThat(alertOf(pbkdf2(10_000_000), pinned)).isEqualTo(SecurityAlertCode.KDF_DOWNGRADE);
        // equal or stronger is fine; parallelism is not a strength dimension
        assertThat(alertOf(argon(65536, 3, 4), pinned)).isNull();
        assertThat(alertOf(argon(65536, 3, 1), pinned)).isNull();
        assertThat(alertOf(argon(131072, 4, 4), pinned)).isNull();

        KdfParams pinnedPbkdf2 = new Pbkdf2Params(800_000);
        assertThat(alertOf(pbkdf2(799_999), pinnedPbkdf2))
                .isEqualTo(SecurityAlertCode.KDF_DOWNGRADE);
        assertThat(alertOf(pbkdf2(800_000), pinnedPbkdf2)).isNull();
        assertThat(alertOf(argon(19456, 2, 1), pinnedPbkdf2)).isNull(); // upgrade
    }

    @Test
    void alertMessagesNameTheParametersOnly() {
        assertThatThrownBy(
                        () ->
                                KdfPolicy.accept(
                                        argon(65536, 2, 4), Optional.of(Argon2idParams.DEFAULT)))
                .hasMessageContaining("m=65536 KiB t=2")
                .hasMessageContaining("pinned Argon2id m=65536 KiB t=3 p=4");
    }

    @TempDir Path dir;

    @Test
    void theFileStoreRoundTripsAndIsPrivate() throws Exception {
        FileKdfPinStore store = new FileKdfPinStore(dir.resolve("config"));
        assertThat(store.pinned("https://a.example", "x@example.test")).isEmpty();
        store.pin("https://a.example", "x@example.test", Argon2idParams.DEFAULT);
        store.pin("https://a.example", "y@example.test", new Pbkdf2Params(700_000));
        store.pin("https://b.example", "x@example.test", new Argon2idParams(19456, 2, 1));
        store.pin("https://a.example", "x@example.test", new Argon2idParams(131072, 3, 4));

        FileKdfPinStore reopened = new FileKdfPinStore(dir.resolve("config"));
        assertThat(reopened.pinned("https://a.example", "x@example.test"))
                .contains(new Argon2idParams(131072, 3, 4));
        assertThat(reopened.pinned("https://a.example", "y@example.test"))
                .contains(new Pbkdf2Params(700_000));
        assertThat(reopened.pinned("https://b.example", "x@example.test"))
                .contains(new Argon2idParams(19456, 2, 1));
        reopened.forget("https://a.example", "y@example.test");
        assertThat(store.pinned("https://a.example", "y@example.test")).isEmpty();

        Path file = dir.resolve("config").resolve(FileKdfPinStore.FILE_NAME);
        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("config")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (var files = Files.list(dir.resolve("config"))) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void aCorruptOrWeakenedPinFileIsRefusedNotReset() throws Exception {
        Path config = dir.resolve("config");
        Files.createDirectories(config);
        Path file = config.resolve(FileKdfPinStore.FILE_NAME);
        FileKdfPinStore store = new FileKdfPinStore(config);
        String[] bad = {
            "{",
            "null",
            "{\"format\":2,\"pins\":[]}",
            "{\"format\":1,\"pins\":[],\"extra\":1}",
            "{\"format\":1,\"pins\":[{\"server\":\"s\",\"email\":\"e\",\"algorithm\":\"argon2id\","
                    + "\"memoryKib\":1024,\"iterations\":1,\"parallelism\":1}]}",
            "{\"format\":1,\"pins\":[{\"server\":\"s\",\"email\":\"e\",\"algorithm\":\"scrypt\","
                    + "\"memoryKib\":null,\"iterations\":1,\"parallelism\":null}]}",
            "{\"format\":1,\"pins\":[null]}"
        };
        for (String content : bad) {
            Files.writeString(file, content, StandardCharsets.UTF_8);
            assertThatThrownBy(() -> store.pinned("s", "e"))
                    .as(content)
                    .isInstanceOf(LocalStateException.class)
                    .hasMessageContaining(FileKdfPinStore.FILE_NAME);
            assertThatThrownBy(() -> store.pin("s", "e", Argon2idParams.DEFAULT))
                    .isInstanceOf(LocalStateException.class);
            assertThat(Files.readString(file)).isEqualTo(content);
        }
        Files.delete(file);
        assertThatCode(() -> store.pin("s", "e", Argon2idParams.DEFAULT))
                .doesNotThrowAnyException();
    }

    @Test
    void theInMemoryStoreKeepsServersAndAccountsApart() {
        KdfPinStore store = KdfPinStore.inMemory();
        store.pin("s1", "e", Argon2idParams.DEFAULT);
        assertThat(store.pinned("s2", "e")).isEmpty();
        assertThat(store.pinned("s1", "f")).isEmpty();
        store.forget("s1", "e");
        assertThat(store.pinned("s1", "e")).isEmpty();
    }
}
