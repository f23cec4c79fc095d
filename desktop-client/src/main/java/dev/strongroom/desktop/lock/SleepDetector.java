package dev.strongroom.desktop.lock;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Notices that the machine slept, from a periodic tick and two clocks. Works on every OS: after a
 * suspend either the wall clock moved on much further than the monotonic clock (Linux: {@code
 * System.nanoTime} stops during suspend) or the tick itself came far too late (where the monotonic
 * clock keeps counting through sleep). A wall clock set backwards is not a sleep. A manual jump
 * forward of the wall clock also reads as a sleep: locking then is the safe mistake.
 */
public final class SleepDetector {

    private final LongSupplier wallMillis;
    private final LongSupplier monoNanos;
    private final long periodMillis;
    private final long toleranceMillis;
    private long lastWall;
    private long lastMono;

    /**
     * @param period how often {@link #tick()} is called
     * @param tolerance how much lateness or clock drift is still not a sleep
     */
    public SleepDetector(
            LongSupplier wallMillis, LongSupplier monoNanos, Duration period, Duration tolerance) {
        this.wallMillis = wallMillis;
        this.monoNanos = monoNanos;
        this.periodMillis = period.toMillis();
        this.toleranceMillis = tolerance.toMillis();
        reset();
    }

    /** The system clocks. */
    public static SleepDetector system(Duration period, Duration tolerance) {
        return new SleepDetector(System::currentTimeMillis, System::nanoTime, period, tolerance);
    }

    /** Starts measuring from now (after an unlock). */
    public void reset() {
        lastWall = wallMillis.getAsLong();
        lastMono = monoNanos.getAsLong();
    }

    /** Call once per period; true when the time since the last call shows a sleep. */
    public boolean tick() {
        long wall = wallMillis.getAsLong();
        long mono = monoNanos.getAsLong();
        long wallElapsed = wall - lastWall;
        long monoElapsed = (mono - lastMono) / 1_000_000;
        lastWall = wall;
        lastMono = mono;
        boolean wallRanAhead = wallElapsed - monoElapsed > toleranceMillis;
        boolean tickLate = monoElapsed > periodMillis + toleranceMillis;
        return wallRanAhead || tickLate;
    }
}
