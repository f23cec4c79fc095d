package dev.strongroom.desktop.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Sleep detection from a wall clock and a monotonic clock that the test moves by hand. */
class SleepDetectorTest {

    final AtomicLong wall = new AtomicLong(1_700_000_000_000L);
    final AtomicLong mono = new AtomicLong(5_000_000_000L);
    final SleepDetector detector =
            new SleepDetector(wall::get, mono::get, Duration.ofSeconds(2), Duration.ofSeconds(20));

    void advance(long wallMillis, long monoMillis) {
        wall.addAndGet(wallMillis);
        mono.addAndGet(monoMillis * 1_000_000);
    }

    @Test
    void regularTicksAndSmallDelaysAreNotSleep() {
        for (int i = 0; i < 100; i++) {
            advance(2_000, 2_000);
            assertThat(detector.tick()).isFalse();
        }
        advance(2_150, 2_100); // a busy machine: a little late, a little drift
        assertThat(detector.tick()).isFalse();
        advance(15_000, 15_000); // a long GC pause stays under the tolerance
        assertThat(detector.tick()).isFalse();
    }

    @Test
    void wallClockRunningAheadOfTheMonotonicClockIsSleep() {
        advance(2_000, 2_000);
        assertThat(detector.tick()).isFalse();
        // Linux suspend: nanoTime stood still while 10 minutes passed
        advance(600_000, 2_000);
        assertThat(detector.tick()).isTrue();
        advance(2_000, 2_000);
        assertThat(detector.tick()).isFalse();
    }

    @Test
    void aTickFarTooLateIsSleepWhereTheMonotonicClockCountsThroughIt() {
        advance(300_000, 300_000);
        assertThat(detector.tick()).isTrue();
    }

    @Test
    void aWallClockSetBackIsNotSleep() {
        advance(-3_600_000, 2_000);
        assertThat(detector.tick()).isFalse();
    }

    @Test
    void resetForgetsTheTimeSpentLocked() {
        advance(600_000, 600_000);
        detector.reset();
        advance(2_000, 2_000);
        assertThat(detector.tick()).isFalse();
    }
}
