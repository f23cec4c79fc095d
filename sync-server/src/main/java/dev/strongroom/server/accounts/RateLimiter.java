package dev.strongroom.server.accounts;

import dev.strongroom.server.db.Tx;
import java.sql.SQLException;

/**
 * Login rate limits per account email and per client address, with exponential backoff.
 *
 * <p>The state lives in the {@code login_attempts} table, not in memory, so every instance behind a
 * load balancer sees the same counters and a client cannot escape a lockout by reaching another
 * instance. After {@code threshold} consecutive failures a subject is locked for 1 s, doubling with
 * each further failure up to 15 minutes; a success clears the email's counter (not the address's,
 * so one valid account cannot launder guesses against others); counters older than a day start
 * over. Unknown emails are counted exactly like known ones (by email, never by account id), so the
 * limiter does not reveal which emails exist.
 */
final class RateLimiter {

    static final String EMAIL = "email";
    static final String ADDRESS = "address";
    static final int EMAIL_THRESHOLD = 5;
    static final int ADDRESS_THRESHOLD = 20;
    static final long MAX_LOCK_MS = 15 * 60_000L;
    static final long FORGET_AFTER_MS = 24 * 3_600_000L;

    private RateLimiter() {}

    /** Milliseconds the subject is still locked for, 0 when it may try. */
    static long lockedFor(Tx tx, String scope, String subject, long now) throws SQLException {
        return tx.queryOne(
                        "SELECT locked_until FROM login_attempts WHERE scope = ? AND subject = ?",
                        rs -> rs.getLong(1),
                        scope,
                        subject)
                .map(until -> Math.max(0, until - now))
                .orElse(0L);
    }

    /** Counts a failure; returns true when this failure locks the subject. */
    static boolean recordFailure(Tx tx, String scope, String subject, long now)
            throws SQLException {
        tx.update(
                "INSERT INTO login_attempts (scope, subject, failures, last_failure_at,"
                        + " locked_until) VALUES (?, ?, 0, ?, 0) ON CONFLICT (scope, subject) DO"
                        + " NOTHING",
                scope,
                subject,
                now);
        record Row(int failures, long lastFailure) {}
        Row row =
                tx.queryOne(
                                "SELECT failures, last_failure_at FROM login_attempts WHERE scope ="
                                        + " ? AND subject = ?"
                                        + tx.forUpdate(),
                                rs -> new Row(rs.getInt(1), rs.getLong(2)),
                                scope,
                                subject)
                        .orElseThrow();
        int failures = now - row.lastFailure() > FORGET_AFTER_MS ? 1 : row.failures() + 1;
        int threshold = EMAIL.equals(scope) ? EMAIL_THRESHOLD : ADDRESS_THRESHOLD;
        long lockedUntil = 0;
        if (failures >= threshold) {
            int doublings = Math.min(failures - threshold, 20);
            lockedUntil = now + Math.min(MAX_LOCK_MS, 1000L << doublings);
        }
        tx.update(
                "UPDATE login_attempts SET failures = ?, last_failure_at = ?, locked_until = ?"
                        + " WHERE scope = ? AND subject = ?",
                failures,
                now,
                lockedUntil,
                scope,
                subject);
        return lockedUntil > 0;
    }

    static void recordSuccess(Tx tx, String email) throws SQLException {
        tx.update("DELETE FROM login_attempts WHERE scope = ? AND subject = ?", EMAIL, email);
    }
}
