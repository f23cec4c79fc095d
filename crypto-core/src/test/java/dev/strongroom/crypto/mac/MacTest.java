package dev.strongroom.crypto.mac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MacTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void sha256KnownAnswersAndConcatenation() {
        // FIPS 180-4 examples.
        assertThat(Sha256.hash(ascii("abc")))
                .isEqualTo(
                        Vectors.hex(
                                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        assertThat(Sha256.hash())
                .isEqualTo(
                        Vectors.hex(
                                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        assertThat(Sha256.hash(ascii("a"), ascii(""), ascii("bc")))
                .isEqualTo(Sha256.hash(ascii("abc")));
    }

    @Test
    void hmacRfc4231TestCase2() {
        byte[] tag = Hmac.sha256(ascii("Jefe"), ascii("what do ya want for nothing?"));
        assertThat(tag)
                .isEqualTo(
                        Vectors.hex(
                                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
        assertThat(Hmac.verifySha256(ascii("Jefe"), ascii("what do ya want for nothing?"), tag))
                .isTrue();
    }

    @Test
    void defaultVerifyRefusesTruncatedAndOverlongTags() {
        byte[] key = ascii("key");
        byte[] data = ascii("data");
        byte[] full = Hmac.sha256(key, data);
        for (int length = 0; length < Hmac.TAG_LENGTH; length++) {
            assertThat(Hmac.verifySha256(key, data, Arrays.copyOf(full, length)))
                    .as("prefix of %d bytes", length)
                    .isFalse();
        }
        assertThat(Hmac.verifySha256(key, data, Bytes.concat(full, new byte[1]))).isFalse();
        assertThat(Hmac.verifySha256(key, data, full)).isTrue();
    }

    @Test
    void truncatedVerifyHonoursTheStatedMinimumAndTheFloor() {
        byte[] key = ascii("key");
        byte[] data = ascii("data");
        byte[] full = Hmac.sha256(key, data);
        assertThat(Hmac.verifySha256Truncated(key, data, Arrays.copyOf(full, 16), 16)).isTrue();
        assertThat(Hmac.verifySha256Truncated(key, data, Arrays.copyOf(full, 20), 16)).isTrue();
        assertThat(Hmac.verifySha256Truncated(key, data, full, 16)).isTrue();
        assertThat(Hmac.verifySha256Truncated(key, data, Arrays.copyOf(full, 15), 16)).isFalse();
        assertThat(Hmac.verifySha256Truncated(key, data, Arrays.copyOf(full, 20), 24)).isFalse();
        assertThat(Hmac.verifySha256Truncated(key, data, new byte[0], 16)).isFalse();
        assertThat(Hmac.verifySha256Truncated(key, data, Bytes.concat(full, new byte[1]), 16))
                .isFalse();
        byte[] wrong = Arrays.copyOf(full, 16);
        wrong[15] ^= 1;
        assertThat(Hmac.verifySha256Truncated(key, data, wrong, 16)).isFalse();
        assertThatThrownBy(() -> Hmac.verifySha256Truncated(key, data, Arrays.copyOf(full, 8), 8))
                .isInstanceOf(ParameterRejectedException.class);
        assertThatThrownBy(() -> Hmac.verifySha256Truncated(key, data, full, 33))
                .isInstanceOf(ParameterRejectedException.class);
    }

    @Test
    void hkdfRfc5869TestCase1StepByStep() {
        byte[] ikm = Vectors.hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = Vectors.hex("000102030405060708090a0b0c");
        byte[] info = Vectors.hex("f0f1f2f3f4f5f6f7f8f9");
        byte[] prk = Hkdf.extract(salt, ikm);
        assertThat(prk)
                .isEqualTo(
                        Vectors.hex(
                                "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"));
        assertThat(Hkdf.expand(prk, info, 42))
                .isEqualTo(
                        Vectors.hex(
                                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                                        + "34007208d5b887185865"));
    }

    @Test
    void hkdfEmptyOrNullSaltIsHashLenZeros() {
        byte[] ikm = ascii("input keying material");
        byte[] zeros = new byte[Hkdf.HASH_LENGTH];
        assertThat(Hkdf.extract(null, ikm)).isEqualTo(Hkdf.extract(zeros, ikm));
        assertThat(Hkdf.extract(new byte[0], ikm)).isEqualTo(Hkdf.extract(zeros, ikm));
        assertThat(Hkdf.derive(ikm, null, null, 32))
                .isEqualTo(Hkdf.derive(ikm, zeros, new byte[0], 32));
    }

    @Test
    void hkdfOutputIsPrefixConsistentAndInfoSeparates() {
        byte[] prk = Hkdf.extract(ascii("salt"), ascii("ikm"));
        byte[] long8160 = Hkdf.expand(prk, ascii("a"), Hkdf.MAX_OUTPUT_LENGTH);
        assertThat(long8160).hasSize(8160);
        assertThat(Hkdf.expand(prk, ascii("a"), 33)).isEqualTo(Arrays.copyOf(long8160, 33));
        assertThat(Hkdf.expand(prk, ascii("b"), 32)).isNotEqualTo(Arrays.copyOf(long8160, 32));
    }

    @Test
    void hkdfRejectsOutOfRangeParameters() {
        byte[] prk = new byte[32];
        assertThatThrownBy(() -> Hkdf.expand(prk, null, 0))
                .isInstanceOf(ParameterRejectedException.class)
                .hasMessageContaining("1..8160");
        assertThatThrownBy(() -> Hkdf.expand(prk, null, 8161))
                .isInstanceOf(ParameterRejectedException.class);
        assertThatThrownBy(() -> Hkdf.derive(new byte[32], null, null, -1))
                .isInstanceOf(ParameterRejectedException.class);
        assertThatThrownBy(() -> Hkdf.expand(new byte[31], null, 32))
                .isInstanceOf(ParameterRejectedException.class)
                .hasMessageContaining("at least 32");
    }
}
