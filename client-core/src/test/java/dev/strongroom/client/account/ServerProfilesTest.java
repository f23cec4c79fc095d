package dev.strongroom.client.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.TlsPin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProfilesTest {

    private static final TlsPin PIN =
            TlsPin.parse("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");

    @TempDir Path dir;

    private static ServerProfile profile(String name, String url, TlsPin pin) {
        return new ServerProfile(name, ServerEndpoint.of(url, pin));
    }

    @Test
    void profilesPersistWithTheCurrentOne() throws Exception {
        Path config = dir.resolve("strongroom");
        ServerProfiles profiles = ServerProfiles.open(config);
        assertThat(profiles.list()).isEmpty();
        assertThat(profiles.current()).isEmpty();

        profiles.add(profile("work", "https://vault.example.com/", null));
        profiles.add(profile("lab", "https://10.0.0.5:8443", PIN));
        assertThat(profiles.current().map(ServerProfile::name)).contains("work");
        profiles.use("lab");

        ServerProfiles reopened = ServerProfiles.open(config);
        assertThat(reopened.list()).extracting(ServerProfile::name).containsExactly("work", "lab");
        assertThat(reopened.current().map(ServerProfile::name)).contains("lab");
        assertThat(reopened.get("lab").orElseThrow().endpoint().pin()).contains(PIN);
        assertThat(reopened.get("work").orElseThrow().endpoint().id())
                .isEqualTo("https://vault.example.com");

        reopened.replace(profile("lab", "https://10.0.0.5:8443", null));
        reopened.remove("lab");
        assertThat(ServerProfiles.open(config).current()).isEmpty();
        assertThat(ServerProfiles.open(config).list()).hasSize(1);

        Path file = config.resolve(ServerProfiles.FILE_NAME);
        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (var files = Files.list(config)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void badChangesAreRefusedAndChangeNothing() {
        ServerProfiles profiles = ServerProfiles.open(dir);
        profiles.add(profile("work", "https://vault.example.com", null));
        assertThatThrownBy(() -> profiles.add(profile("work", "https://other.example", null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> profiles.use("nope")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> profiles.remove("nope"))
                .isInstanceOf(IllegalArgumentException.class);
        for (String name : new String[] {"", "Work", "-x", "a b", "x".repeat(64), "ü"}) {
            assertThatThrownBy(() -> profile(name, "https://vault.example.com", null))
                    .as(name)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ServerProfiles.open(dir).list()).hasSize(1);
    }

    @Test
    void aCorruptProfilesFileIsRefused() throws Exception {
        Path file = dir.resolve(ServerProfiles.FILE_NAME);
        String[] bad = {
            "{",
            "[]",
            "{\"format\":1,\"current\":null,\"profiles\":[],\"x\":1}",
            "{\"format\":9,\"current\":null,\"profiles\":[]}",
            "{\"format\":1,\"current\":\"gone\",\"profiles\":[]}",
            "{\"format\":1,\"current\":null,\"profiles\":[{\"name\":\"a\",\"url\":\"http://evil.example\","
                    + "\"tlsPin\":null}]}",
            "{\"format\":1,\"current\":null,\"profiles\":[{\"name\":\"a\",\"url\":\"https://a.example\","
                    + "\"tlsPin\":\"xx\"}]}",
            "{\"format\":1,\"current\":null,\"profiles\":[{\"name\":\"a\",\"url\":\"https://a.example\","
                    + "\"tlsPin\":null},{\"name\":\"a\",\"url\":\"https://b.example\",\"tlsPin\":null}]}"
        };
        for (String content : bad) {
            Files.writeString(file, content, StandardCharsets.UTF_8);
            assertThatThrownBy(() -> ServerProfiles.open(dir))
                    .as(content)
                    .isInstanceOf(LocalStateException.class)
                    .hasMessageContaining(ServerProfiles.FILE_NAME);
        }
    }
}
