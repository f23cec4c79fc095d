package dev.strongroom.desktop.unlock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Slows down guessing at the unlock screen: after the n-th wrong password in a row the next try
 * waits 2^(n-1) seconds, at most a minute. A success resets it. (The server rate-limits failed
 * logins too; this keeps a local guesser from even reaching the KDF quickly.)
 */
public final class RetryLimiter {

    static final Duration MAX_DELAY = Duration.ofSeconds(60);

    private final Clock clock;
    private int failures;
    private Instant blockedUntil = Instant.MIN;

    public RetryLimiter(Clock clock) {
        this.clock = clock;
    }

    /** The wait imposed after {@code failures} wrong passwords in a row. */
    static Duration delayAfter(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        long seconds = 1L << Math.min(failures - 1, 6);
        Duration d = Duration.ofSeconds(seconds);
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    public synchronized void failure() {
        failures++;
        blockedUntil = clock.instant().plus(delayAfter(failures));
    }

    /** At least {@code wait} before the next try (the server's Retry-After). */
    public synchronized void serverAsks(Duration wait) {
        Instant until = clock.instant().plus(wait);
        if (until.isAfter(blockedUntil)) {
            blockedUntil = until;
        }
    }

    public synchronized void success() {
        failures = 0;
        blockedUntil = Instant.MIN;
    }

    /** How long until the next try is allowed (zero when allowed now). */
    public synchronized Duration remaining() {
        Duration d = Duration.between(clock.instant(), blockedUntil);
        return d.isNegative() ? Duration.ZERO : d;
    }

    public synchronized int failures() {
        return failures;
    }
}
