package dev.strongroom.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.cli.CliException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdleTimeoutTest {

    @Test
    void parsesMinutesWithFractionsAndUnits() {
        assertThat(IdleTimeout.resolve(null, null)).isEqualTo(Duration.ofMinutes(15));
        assertThat(IdleTimeout.resolve(null, "")).isEqualTo(Duration.ofMinutes(15));
        assertThat(IdleTimeout.resolve(null, "0.04")).isEqualTo(Duration.ofMillis(2400));
        assertThat(IdleTimeout.resolve("5", "0.04")).isEqualTo(Duration.ofMinutes(5));
        assertThat(IdleTimeout.resolve("90s", null)).isEqualTo(Duration.ofSeconds(90));
        assertThat(IdleTimeout.resolve("2h", null)).isEqualTo(Duration.ofHours(2));
        assertThat(IdleTimeout.resolve("1.5M", null)).isEqualTo(Duration.ofSeconds(90));
        assertThat(IdleTimeout.describe(Duration.ofMinutes(15))).isEqualTo("15 min");
        assertThat(IdleTimeout.describe(Duration.ofSeconds(2))).isEqualTo("2 s");
    }

    @Test
    void refusesNonsenseAndOutOfRange() {
        for (String bad :
                new String[] {"", "soon", "-1", "0", "0.001", "25h", "1e3", "1,5", "5d"}) {
            assertThatThrownBy(() -> IdleTimeout.resolve(bad, null))
                    .as(bad)
                    .isInstanceOf(CliException.class)
                    .hasMessageContaining("--idle");
        }
        assertThatThrownBy(() -> IdleTimeout.resolve(null, "soon"))
                .hasMessageContaining(IdleTimeout.ENV);
    }
}
