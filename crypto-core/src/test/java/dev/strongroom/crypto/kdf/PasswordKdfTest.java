package dev.strongroom.crypto.kdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.api.ParameterRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the master-key derivation with the product DEFAULT parameters. The expected
 * Argon2id values come from the C reference CLI (Debian package argon2): {@code printf '%s'
 * '<password>' | argon2 'strongroom-salt!' -id -t 3 -k 65536 -p 4 -l 32 -r}; the PBKDF2 ones from
 * Python {@code hashlib.pbkdf2_hmac('sha256', pw, b'strongroom-salt!', 600000, 32)}. Each
 * derivation costs 64 MiB / 600k iterations, so there are only five of them.
 */
class PasswordKdfTest {

    private static final byte[] SALT = "strongroom-salt!".getBytes(StandardCharsets.US_ASCII);

    private static String derive(String password, KdfParams params) {
        return HexFormat.of()
                .formatHex(PasswordKdf.deriveMasterKey(password.toCharArray(), SALT, params));
    }

    @Test
    void argon2idDefaultKnownAnswer() {
        assertThat(derive("correct horse battery staple", Argon2idParams.DEFAULT))
                .isEqualTo("92000c3851fe221493823dade8a591d285adbcbbc5d3b3d760f753b4b63f933c");
    }

    /** "Ångström ﬁ" typed composed-with-ligature and decomposed-without: one NFKC form, one key. */
    @Test
    void argon2idNonAsciiPasswordIsNormalisedBeforeDerivation() {
        String expected = "98de43bc2669a239cd5b9aafbc948bc309ce1f579b6ce197123f666c8fc719a4";
        assertThat(derive("\u00c5ngstr\u00f6m \ufb01", Argon2idParams.DEFAULT)).isEqualTo(expected);
        assertThat(derive("A\u030angstro\u0308m fi", Argon2idParams.DEFAULT)).isEqualTo(expected);
    }

    @Test
    void pbkdf2DefaultKnownAnswers() {
        assertThat(derive("correct horse battery staple", Pbkdf2Params.DEFAULT))
                .isEqualTo("49f04bac7a3d3b2f6ef21b1ad15cc55f358f99b2fe7b58a9e9d8e1de6715ed43");
        assertThat(derive("A\u030angstro\u0308m \ufb01", Pbkdf2Params.DEFAULT))
                .isEqualTo("d63a7d0117bca5a43b0c3ea980b8c59c2c69302a56e66727710d2ba4d65d639c");
    }

    @Test
    void saltMustBeSixteenBytes() {
        char[] password = "pw".toCharArray();
        for (byte[] salt :
                new byte[][] {null, new byte[0], new byte[15], new byte[17], new byte[32]}) {
            assertThatThrownBy(
                            () -> PasswordKdf.deriveMasterKey(password, salt, Pbkdf2Params.DEFAULT))
                    .isInstanceOf(ParameterRejectedException.class)
                    .hasMessageStartingWith("salt must be 16 bytes, got ");
        }
    }

    @Test
    void emptyPasswordIsRejectedBeforeAnyWork() {
        assertThatThrownBy(
                        () ->
                                PasswordKdf.deriveMasterKey(
                                        new char[0], SALT, Argon2idParams.DEFAULT))
                .isInstanceOf(ParameterRejectedException.class)
                .hasMessage("password must not be empty");
    }

    @Test
    void passwordArrayIsLeftToTheCaller() {
        char[] password = "correct horse".toCharArray();
        PasswordKdf.deriveMasterKey(password, SALT, Pbkdf2Params.DEFAULT);
        assertThat(new String(password)).isEqualTo("correct horse");
    }
}
