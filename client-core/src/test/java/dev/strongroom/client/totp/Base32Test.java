package dev.strongroom.client.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Base32Test {

    /** RFC 4648 section 10 test vectors (BASE32). */
    @Test
    void rfc4648Vectors() {
        String[][] vectors = {
            {"", ""},
            {"f", "MY======"},
            {"fo", "MZXQ===="},
            {"foo", "MZXW6==="},
            {"foob", "MZXW6YQ="},
            {"fooba", "MZXW6YTB"},
            {"foobar", "MZXW6YTBOI======"},
        };
        for (String[] v : vectors) {
            byte[] plain = v[0].getBytes(StandardCharsets.US_ASCII);
            assertThat(new String(Base32.encode(plain))).isEqualTo(v[1]);
            assertThat(Base32.decode(v[1].toCharArray())).isEqualTo(plain);
            String unpadded = v[1].replace("=", "");
            assertThat(Base32.decode(unpadded.toCharArray())).isEqualTo(plain);
        }
    }

    @Test
    void strictRejections() {
        assertRejected("mzxw6ytb", "invalid Base32 character at position 1");
        assertRejected("MZX 6YTB", "invalid Base32 character at position 4");
        assertRejected("MZXW6YT1", "invalid Base32 character at position 8");
        assertRejected("M", "cannot encode whole bytes");
        assertRejected("MZX", "cannot encode whole bytes");
        assertRejected("MZXW6Y", "cannot encode whole bytes");
        assertRejected("MY=====", "padding");
        assertRejected("MY==", "padding");
        assertRejected("MZXW6YQ===", "padding");
        assertRejected("MZ======", "non-zero trailing bits");
    }

    @Property(tries = 300)
    void roundTrip(@ForAll @Size(max = 64) byte[] data) {
        char[] encoded = Base32.encode(data);
        assertThat(Base32.decode(encoded)).isEqualTo(data);
    }

    private static void assertRejected(String text, String messagePart) {
        assertThatThrownBy(() -> Base32.decode(text.toCharArray()))
                .isInstanceOf(TotpException.class)
                .hasMessageContaining(messagePart);
    }
}
