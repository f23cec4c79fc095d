package dev.strongroom.desktop.unlock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryLimiterTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void waitsDoubleAfterEachFailureUpToAMinute() {
        assertThat(RetryLimiter.delayAfter(0)).isZero();
        assertThat(RetryLimiter.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryLimiter.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryLimiter.delayAfter(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(RetryLimiter.delayAfter(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(RetryLimiter.delayAfter(500)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void blocksUntilTheDelayPassesAndResetsOnSuccess() {
        ManualClock clock = new ManualClock();
        RetryLimiter limiter = new RetryLimiter(clock);
        assertThat(limiter.remaining()).isZero();
        limiter.failure();
        limiter.failure();
        limiter.failure();
        assertThat(limiter.remaining()).isEqualTo(Duration.ofSeconds(4));
        clock.now = clock.now.plusSeconds(3);
        assertThat(limiter.remaining()).isEqualTo(Duration.ofSeconds(1));
        clock.now = clock.now.plusSeconds(1);
        assertThat(limiter.remaining()).isZero();
        limiter.success();
        limiter.failure();
        assertThat(limiter.remaining()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void honoursTheServersRetryAfterWhenLonger() {
        ManualClock clock = new ManualClock();
        RetryLimiter limiter = new RetryLimiter(clock);
        limiter.failure();
        limiter.serverAsks(Duration.ofSeconds(30));
        assertThat(limiter.remaining()).isEqualTo(Duration.ofSeconds(30));
        limiter.serverAsks(Duration.ofSeconds(5));
        assertThat(limiter.remaining()).isEqualTo(Duration.ofSeconds(30));
    }
}
