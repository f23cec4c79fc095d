package dev.strongroom.crypto.kdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.api.ParameterRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Floors stop a downgrade; ceilings stop a parameter set that exhausts memory or hangs. */
class KdfParamsTest {

    @ParameterizedTest(name = "m={0} t={1} p={2} -> {3}")
    @CsvSource({
        // below the floors
        "19455, 3, 4, 'memoryKiB 19455 is outside the allowed range [19456, 1048576]'",
        "0, 3, 4, 'memoryKiB 0 is outside the allowed range [19456, 1048576]'",
        "-65536, 3, 4, 'memoryKiB -65536 is outside the allowed range [19456, 1048576]'",
        "65536, 1, 4, 'iterations 1 is outside the allowed range [2, 64]'",
        "65536, 0, 4, 'iterations 0 is outside the allowed range [2, 64]'",
        "65536, 3, 0, 'parallelism 0 is outside the allowed range [1, 16]'",
        "65536, 3, -1, 'parallelism -1 is outside the allowed range [1, 16]'",
        // above the ceilings
        "1048577, 3, 4, 'memoryKiB 1048577 is outside the allowed range [19456, 1048576]'",
        "2147483647, 3, 4, 'memoryKiB 2147483647 is outside the allowed range [19456, 1048576]'",
        "65536, 65, 4, 'iterations 65 is outside the allowed range [2, 64]'",
        "65536, 2147483647, 4, 'iterations 2147483647 is outside the allowed range [2, 64]'",
        "65536, 3, 17, 'parallelism 17 is outside the allowed range [1, 16]'",
        "65536, 3, 2147483647, 'parallelism 2147483647 is outside the allowed range [1, 16]'",
    })
    void argon2idRejects(int memoryKiB, int iterations, int parallelism, String message) {
        assertThatThrownBy(() -> new Argon2idParams(memoryKiB, iterations, parallelism))
                .isExactlyInstanceOf(ParameterRejectedException.class)
                .hasMessage("Argon2id " + message);
    }

    @ParameterizedTest(name = "m={0} t={1} p={2}")
    @CsvSource({
        "19456, 2, 1", // every floor exactly
        "1048576, 64, 16", // every ceiling exactly
        "65536, 3, 4", // DEFAULT
        "19456, 2, 16", // lowest memory with the most lanes (8 x 16 = 128 KiB needed)
    })
    void argon2idAcceptsBoundaries(int memoryKiB, int iterations, int parallelism) {
        assertThatCode(() -> new Argon2idParams(memoryKiB, iterations, parallelism))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "c={0}")
    @CsvSource({"599999", "0", "1", "-1", "10000001", "2147483647"})
    void pbkdf2Rejects(int iterations) {
        assertThatThrownBy(() -> new Pbkdf2Params(iterations))
                .isExactlyInstanceOf(ParameterRejectedException.class)
                .hasMessage(
                        "PBKDF2 iterations "
                                + iterations
                                + " is outside the allowed range [600000, 10000000]");
    }

    @ParameterizedTest(name = "c={0}")
    @CsvSource({"600000", "10000000", "1000000"})
    void pbkdf2AcceptsBoundaries(int iterations) {
        assertThat(new Pbkdf2Params(iterations).iterations()).isEqualTo(iterations);
    }

    @Test
    void defaults() {
        assertThat(Argon2idParams.DEFAULT).isEqualTo(new Argon2idParams(65536, 3, 4));
        assertThat(Pbkdf2Params.DEFAULT.iterations()).isEqualTo(600_000);
    }
}
