package dev.strongroom.client.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {

    // Base32 of the RFC 6238 SHA1 seed "12345678901234567890"
    private static final String SEED_B32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void base32SecretWithDefaultsMatchesRfcSeed() {
        try (TotpKey key = TotpKey.fromBase32(SEED_B32.toCharArray())) {
            assertThat(key.algorithm()).isEqualTo(TotpAlgorithm.SHA1);
            assertThat(key.digits()).isEqualTo(6);
            assertThat(key.periodSeconds()).isEqualTo(30);
            // last 6 digits of the RFC's 8-digit value 94287082 at t=59
            assertThat(Totp.code(key, Instant.ofEpochSecond(59))).isEqualTo("287082");
        }
    }

    @Test
    void pastedSecretsAreNormalised() {
        try (TotpKey key =
                TotpKey.fromBase32("gezd gnbv-gy3t qojq gezd gnbv gy3t qojq".toCharArray())) {
            assertThat(Totp.code(key, Instant.ofEpochSecond(59))).isEqualTo("287082");
        }
    }

    @Test
    void otpauthUriWithAllParameters() {
        String uri =
                "otpauth://totp/ACME%20Co:alice@example.com?secret="
                        + "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA"
                        + "&issuer=ACME%20Co&algorithm=SHA256&digits=8&period=30&image=x";
        try (TotpKey key = TotpKey.parse(uri.toCharArray())) {
            assertThat(key.issuer()).isEqualTo("ACME Co");
            assertThat(key.account()).isEqualTo("alice@example.com");
            assertThat(key.algorithm()).isEqualTo(TotpAlgorithm.SHA256);
            assertThat(key.digits()).isEqualTo(8);
            assertThat(Totp.code(key, Instant.ofEpochSecond(1111111109))).isEqualTo("68084774");
        }
    }

    @Test
    void otpauthUriDefaultsAndLabelIssuer() {
        String uri = "otpauth://totp/Example:bob?secret=" + SEED_B32;
        try (TotpKey key = TotpKey.parse(uri.toCharArray())) {
            assertThat(key.issuer()).isEqualTo("Example");
            assertThat(key.account()).isEqualTo("bob");
            assertThat(key.digits()).isEqualTo(6);
            assertThat(key.periodSeconds()).isEqualTo(30);
        }
    }

    @Test
    void brokenUrisAreRejectedWithClearMessages() {
        String s = "secret=" + SEED_B32;
        assertRejected("otpauth://hotp/x?" + s + "&counter=1", "HOTP");
        assertRejected("otpauth://totp/x", "no parameters");
        assertRejected("otpauth://totp/x?issuer=a", "no secret");
        assertRejected("otpauth://totp/x?" + s + "&" + s, "repeats the parameter secret");
        assertRejected("otpauth://totp/x?" + s + "&digits=9", "digits must be 6, 7 or 8");
        assertRejected("otpauth://totp/x?" + s + "&digits=six", "digits must be a small");
        assertRejected("otpauth://totp/x?" + s + "&period=0", "period must be 1 to");
        assertRejected("otpauth://totp/x?" + s + "&algorithm=MD5", "SHA1, SHA256 or SHA512");
        assertRejected("otpauth://totp/x?" + s + "#frag", "fragment");
        assertRejected("otpauth://totp/x?secret=GEZ%4", "truncated %-escape");
        assertRejected("otpauth://totp/x?secret=GEZ%ZZ", "invalid %-escape");
        assertRejected(
                "otpauth://totp/x?secret=GEZ!DGNB", "invalid Base32 character at position 4");
        assertRejected("otpauth://totp/x?secret=GEZDGNBV", "must be 10 to 128 bytes");
        assertRejected("otpauth://totp/a b?" + s, "spaces or control");
        assertRejected("otpauth://totp/x?" + s + "&flag", "without '='");
    }

    @Test
    void messagesNeverContainTheSecret() {
        String secret = "GEZDGNBVGY3TQOJQGEZDGNB1GY3TQOJQ";
        assertThatThrownBy(() -> TotpKey.parse(("otpauth://totp/x?secret=" + secret).toCharArray()))
                .isInstanceOf(TotpException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("GEZD"));
    }

    @Test
    void secondsRemainingCountsDownWithinThePeriod() {
        try (TotpKey key = TotpKey.fromBase32(SEED_B32.toCharArray())) {
            assertThat(Totp.secondsRemaining(key, Instant.ofEpochSecond(60))).isEqualTo(30);
            assertThat(Totp.secondsRemaining(key, Instant.ofEpochSecond(61))).isEqualTo(29);
            assertThat(Totp.secondsRemaining(key, Instant.ofEpochSecond(89))).isEqualTo(1);
        }
    }

    @Test
    void verifyAcceptsNeighbouringStepsOnlyWithinTheWindow() {
        try (TotpKey key =
                TotpKey.of(
                        "12345678901234567890".getBytes(StandardCharsets.US_ASCII),
                        TotpAlgorithm.SHA1,
                        6,
                        30)) {
            Instant t = Instant.ofEpochSecond(1111111109);
            char[] previous = Totp.code(key, t.minusSeconds(30)).toCharArray();
            assertThat(Totp.verify(key, previous, t, 0)).isFalse();
            assertThat(Totp.verify(key, previous, t, 1)).isTrue();
            assertThat(Totp.verify(key, "000000".toCharArray(), t, 1)).isFalse();
            assertThat(Totp.verify(key, "12345".toCharArray(), t, 1)).isFalse();
        }
    }

    @Test
    void destroyedKeyRefusesToGenerate() {
        TotpKey key = TotpKey.fromBase32(SEED_B32.toCharArray());
        key.close();
        assertThat(key.isDestroyed()).isTrue();
        assertThat(key.toString()).doesNotContain("GEZD").contains("redacted");
        assertThatThrownBy(() -> Totp.code(key, Instant.EPOCH))
                .isInstanceOf(IllegalStateException.class);
    }

    private static void assertRejected(String uri, String messagePart) {
        assertThatThrownBy(() -> TotpKey.parse(uri.toCharArray()))
                .isInstanceOf(TotpException.class)
                .hasMessageContaining(messagePart);
    }
}
