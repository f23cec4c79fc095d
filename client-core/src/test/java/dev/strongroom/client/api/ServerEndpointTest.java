package dev.strongroom.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerEndpointTest {

    private static final String HEX =
            "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @Test
    void urlsAreNormalisedToOneIdentity() {
        assertThat(ServerEndpoint.of("HTTPS://Vault.Example.com/", null).id())
                .isEqualTo("https://vault.example.com");
        assertThat(ServerEndpoint.of("https://vault.example.com:8443/sr//", null).id())
                .isEqualTo("https://vault.example.com:8443/sr");
        assertThat(ServerEndpoint.of("http://127.0.0.1:8080", null).id())
                .isEqualTo("http://127.0.0.1:8080");
        assertThat(ServerEndpoint.of("http://localhost:1", null).baseUrl().getPort()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://vault.example.com",
                "http://10.0.0.1:8080",
                "ftp://vault.example.com",
                "vault.example.com",
                "https://user:pw@vault.example.com",
                "https://vault.example.com/?x=1",
                "https://vault.example.com/#frag",
                "https:///nohost",
                "https://exa mple.com",
                ""
            })
    void unsafeOrInvalidUrlsAreRefused(String url) {
        assertThatThrownBy(() -> ServerEndpoint.of(url, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPinNeedsHttps() {
        TlsPin pin = TlsPin.parse(HEX);
        assertThatThrownBy(() -> ServerEndpoint.of("http://127.0.0.1:1", pin))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
        ServerEndpoint e = ServerEndpoint.of("https://vault.example.com", pin);
        assertThat(e.pin()).contains(pin);
        assertThat(e.toString()).contains("pinned");
    }

    @Test
    void pinsParseInEveryPrintedFormAndCompareByValue() {
        TlsPin plain = TlsPin.parse(HEX);
        TlsPin colons =
                TlsPin.parse(
                        HexFormat.ofDelimiter(":")
                                .withUpperCase()
                                .formatHex(HexFormat.of().parseHex(HEX)));
        TlsPin prefixed = TlsPin.parse("sha256:" + HEX.toUpperCase());
        assertThat(colons).isEqualTo(plain).isEqualTo(prefixed);
        assertThat(plain.toString()).startsWith("00:11:22:33").hasSize(95);
        assertThat(TlsPin.parse(plain.toString())).isEqualTo(plain);
        assertThat(plain.matches(HexFormat.of().parseHex(HEX))).isTrue();
        assertThat(plain.matches(new byte[32])).isFalse();
        assertThat(plain.sha256()).hasSize(32);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "00",
                "zz112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
                "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff00",
                "0:011:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff",
                "md5:00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
            })
    void malformedPinsAreRefused(String text) {
        assertThatThrownBy(() -> TlsPin.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bearerTokensAreCheckedAndNeverPrinted() {
        String raw = "A".repeat(42) + "A";
        BearerToken token = BearerToken.of(raw);
        assertThat(token.toString()).doesNotContain(raw);
        assertThat(token.headerValue()).isEqualTo("Bearer " + raw);
        assertThat(token).isEqualTo(BearerToken.of(raw));
        token.forget();
        assertThat(token.isForgotten()).isTrue();
        assertThatThrownBy(token::headerValue).isInstanceOf(IllegalStateException.class);
        for (String bad :
                new String[] {
                    "", "short", "A".repeat(44), "A".repeat(41) + "\n\n", "A".repeat(42) + "B"
                }) {
            assertThatThrownBy(() -> BearerToken.of(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
