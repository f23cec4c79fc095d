package dev.strongroom.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.api.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base64UrlTest {

    /** RFC 4648 §10 test vectors, in the URL alphabet without padding. */
    @ParameterizedTest
    @CsvSource(
            value = {
                "'',''",
                "f,Zg",
                "fo,Zm8",
                "foo,Zm9v",
                "foob,Zm9vYg",
                "fooba,Zm9vYmE",
                "foobar,Zm9vYmFy"
            })
    void rfc4648Vectors(String text, String encoded) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        assertThat(Base64Url.encode(bytes)).isEqualTo(encoded);
        assertThat(Base64Url.decode(encoded)).isEqualTo(bytes);
    }

    @Test
    void usesTheUrlAlphabet() {
        byte[] bytes = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf};
        assertThat(Base64Url.encode(bytes)).isEqualTo("-_-_");
        assertThat(Base64Url.decode("-_-_")).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Zg==",
                "Zm8=",
                "Zg=", // padding
                "Zm9\n",
                " Zm9",
                "Zm 9",
                "Zm9\t",
                "Zm9v\r\nZm9v", // whitespace
                "Zm9+",
                "Zm9/",
                "Zm9!",
                "Zm9é",
                "Zm9\u0000",
                "Zm9\u0141", // outside alphabet
                "Z",
                "Zm9vY", // impossible lengths (4k+1)
                "Zh",
                "Zm9",
                "Zm9vYh",
                "Zm9vYmF" // non-zero unused trailing bits
            })
    void rejectsAnythingNonCanonical(String text) {
        assertThatThrownBy(() -> Base64Url.decode(text))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageNotContaining(text.strip());
    }

    @Test
    void rejectionMessagesNameTheRule() {
        assertThatThrownBy(() -> Base64Url.decode("Zg==")).hasMessageContaining("padded");
        assertThatThrownBy(() -> Base64Url.decode("Zm 9")).hasMessageContaining("whitespace");
        assertThatThrownBy(() -> Base64Url.decode("Zm9+")).hasMessageContaining("outside");
        assertThatThrownBy(() -> Base64Url.decode("Zm9vY")).hasMessageContaining("length 5");
        assertThatThrownBy(() -> Base64Url.decode("Zh")).hasMessageContaining("not canonical");
    }

    @Property(tries = 300)
    void agreesWithTheJdkEncoder(@ForAll @Size(max = 100) byte[] bytes) {
        String jdk = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThat(Base64Url.encode(bytes)).isEqualTo(jdk);
        assertThat(Base64Url.decode(jdk)).isEqualTo(bytes);
    }

    /**
     * Decode accepts exactly the canonical encodings: text over the URL alphabet, of a possible
     * length, that the JDK's (trailing-bit lenient) decoder and encoder map back to itself.
     */
    @Property(tries = 500)
    void decodeAcceptsExactlyCanonicalText(
            @ForAll
                    @StringLength(max = 12)
                    @CharRange(from = 'A', to = 'Z')
                    @CharRange(from = 'a', to = 'z')
                    @CharRange(from = '0', to = '9')
                    @Chars({'-', '_', '=', '+', '/', ' ', '\n', '.'})
                    String text) {
        boolean canonical =
                text.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_')
                        && text.length() % 4 != 1
                        && Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(Base64.getUrlDecoder().decode(text))
                                .equals(text);
        if (canonical) {
            assertThat(Base64Url.encode(Base64Url.decode(text))).isEqualTo(text);
        } else {
            assertThatThrownBy(() -> Base64Url.decode(text))
                    .isInstanceOf(MalformedInputException.class);
        }
    }
}
