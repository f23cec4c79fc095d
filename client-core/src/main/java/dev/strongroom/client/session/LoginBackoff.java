package dev.strongroom.client.session;

import dev.strongroom.client.api.ServerUnreachableException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * When a session unlocked offline may try its deferred login again. A refused connection fails at
 * once, so trying on every server call costs nothing and finds the server the moment it is back. An
 * attempt that fails slowly (a host that drops packets makes each call wait out the connect
 * timeout) starts a quiet period instead, doubling from 5 s to 60 s while attempts keep timing out,
 * during which calls fail at once without touching the network. Not thread-safe: the session guards
 * it.
 */
final class LoginBackoff {

    /** A failure slower than this waited on the network rather than being refused. */
    static final long SLOW_FAILURE_NANOS = TimeUnit.SECONDS.toNanos(1);

    static final long FIRST_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(5);
    static final long MAX_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final LongSupplier nanoClock;
    private long pauseNanos;
    private long quietUntil;
    private boolean quiet;

    LoginBackoff(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    long now() {
        return nanoClock.getAsLong();
    }

    /** Throws without a network call while the quiet period after a slow failure lasts. */
    void checkMayAttempt() {
        if (!quiet) {
            return;
        }
        long left = quietUntil - now();
        if (left > 0) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(left + 999_999_999L));
            throw new ServerUnreachableException(
                    "server unreachable: the last login attempt timed out; next attempt in "
                            + seconds
                            + " s",
                    null);
        }
        quiet = false;
    }

    /** Records a failed attempt that started at {@code startedNanos}. */
    void failed(long startedNanos) {
        long end = now();
        if (end - startedNanos < SLOW_FAILURE_NANOS) {
            pauseNanos = 0;
            return;
        }
        pauseNanos =
                pauseNanos == 0 ? FIRST_PAUSE_NANOS : Math.min(MAX_PAUSE_NANOS, pauseNanos * 2);
        quietUntil = end + pauseNanos;
        quiet = true;
    }
}
