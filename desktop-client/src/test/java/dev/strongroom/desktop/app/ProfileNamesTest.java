package dev.strongroom.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.account.ServerProfile;
import dev.strongroom.client.account.ServerProfiles;
import dev.strongroom.client.api.ServerEndpoint;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileNamesTest {

    @TempDir Path home;

    @Test
    void aServerIsNamedByItsHostAndPort() {
        assertThat(ProfileNames.base(URI.create("https://Vault.Example.COM")))
                .isEqualTo("vault.example.com");
        assertThat(ProfileNames.base(URI.create("http://127.0.0.1:8443/")))
                .isEqualTo("127.0.0.1-8443");
        assertThat(ProfileNames.base(URI.create("https://[::1]:9000"))).isEqualTo("s---1--9000");
        String longHost = "a".repeat(70) + ".test";
        assertThat(ProfileNames.base(URI.create("https://" + longHost))).hasSize(63);
    }

    @Test
    void theSameUrlKeepsItsNameAndAnotherServerGetsASuffix() {
        ServerProfiles profiles = ServerProfiles.open(home);
        ServerEndpoint first = ServerEndpoint.of("http://127.0.0.1:8443", null);
        String name = ProfileNames.forEndpoint(first, profiles);
        assertThat(name).isEqualTo("127.0.0.1-8443");
        profiles.add(new ServerProfile(name, first));
        assertThat(ProfileNames.forEndpoint(first, profiles)).isEqualTo(name);

        // a different URL whose cleaned name clashes ("127.0.0.1-8443" again)
        ServerEndpoint clash = ServerEndpoint.of("http://127.0.0.1:8443/other", null);
        String second = ProfileNames.forEndpoint(clash, profiles);
        assertThat(second).isEqualTo("127.0.0.1-8443-2");
        profiles.add(new ServerProfile(second, clash));
        assertThat(ProfileNames.forEndpoint(clash, profiles)).isEqualTo(second);
        assertThat(new ServerProfile(second, clash).name()).isEqualTo(second);
    }
}
