package dev.strongroom.crypto.kdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.api.ParameterRejectedException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HexFormat;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordEncodingTest {

    private static String hex(char[] password) {
        return HexFormat.of().formatHex(PasswordEncoding.nfkcUtf8(password));
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource({
        // input (Java escapes), expected UTF-8 of the NFKC form, what it shows
        "'correct horse', 636f727265637420686f727365, ASCII is already NFKC",
        "'\u00c5', c385, composed A-ring stays one code point",
        "'A\u030a', c385, decomposed A + combining ring composes",
        "'\u212b', c385, Angstrom sign becomes A-ring",
        "'\ufb01', 6669, fi ligature becomes f i",
        "'\uff21\uff42\uff43', 416263, fullwidth letters become ASCII",
        "'\u2126', cea9, Ohm sign becomes Greek capital omega",
        "'\ud83d\udd11', f09f9491, a supplementary character (key emoji) encodes as 4 bytes",
    })
    void normalisesAndEncodes(String input, String expectedHex, String what) {
        assertThat(hex(input.toCharArray())).isEqualTo(expectedHex);
    }

    @Test
    void sameKeyMaterialForEveryWayOfTypingTheSamePassword() {
        String composed = "\u00c5ngstr\u00f6m \ufb01";
        String decomposed = "A\u030angstro\u0308m fi";
        assertThat(hex(composed.toCharArray()))
                .isEqualTo(hex(decomposed.toCharArray()))
                .isEqualTo("c3856e67737472c3b66d206669");
    }

    @Test
    void doesNotModifyTheCallersArray() {
        char[] password = "A\u030a\ufb01".toCharArray();
        char[] copy = password.clone();
        PasswordEncoding.nfkcUtf8(password);
        assertThat(password).isEqualTo(copy);
    }

    @Test
    void rejectsEmptyAndNull() {
        assertThatThrownBy(() -> PasswordEncoding.nfkcUtf8(new char[0]))
                .isInstanceOf(ParameterRejectedException.class)
                .hasMessage("password must not be empty");
        assertThatThrownBy(() -> PasswordEncoding.nfkcUtf8(null))
                .isInstanceOf(ParameterRejectedException.class);
    }

    @Test
    void rejectsUnpairedSurrogatesWithoutRevealingThePassword() {
        for (String bad : new String[] {"ab\ud83dcd", "\udd11", "x\ud83d"}) {
            assertThatThrownBy(() -> PasswordEncoding.nfkcUtf8(bad.toCharArray()))
                    .isInstanceOf(ParameterRejectedException.class)
                    .hasMessage(
                            "password is not valid Unicode (it contains an unpaired surrogate)");
        }
    }

    /** Agrees with the straightforward String-based definition on arbitrary valid Unicode. */
    @Property(tries = 300)
    void matchesStringNormalizer(@ForAll @StringLength(min = 1, max = 40) String password) {
        String nfkc = Normalizer.normalize(password, Normalizer.Form.NFKC);
        Assume.that(StandardCharsets.UTF_8.newEncoder().canEncode(nfkc) && !nfkc.isEmpty());
        assertThat(PasswordEncoding.nfkcUtf8(password.toCharArray()))
                .isEqualTo(nfkc.getBytes(StandardCharsets.UTF_8));
    }
}
