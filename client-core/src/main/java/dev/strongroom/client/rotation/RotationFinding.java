package dev.strongroom.client.rotation;

import java.time.Instant;

/**
 * One thing to act on. {@code due} is the instant the item expired or expires (for an expiry date
 * D: the start of D + 1, since D is the last valid day) or the start of the day rotation is due;
 * {@code daysLeft} counts whole days from today (0 = today, negative = overdue or expired).
 */
public record RotationFinding(
        RotationSubject subject, Kind kind, Source source, Instant due, long daysLeft) {

    /** What is wrong, most urgent first. */
    public enum Kind {
        /** A member or machine who could read this secret lost access: rotate it now. */
        EXPOSED,
        EXPIRED,
        ROTATION_DUE,
        EXPIRES_SOON,
        ROTATION_DUE_SOON
    }

    /** Where the date comes from. */
    public enum Source {
        EXPIRY_DATE,
        CERTIFICATE,
        ROTATION_POLICY,
        /** The team's exposure report (client.exposure): a removal or revocation. */
        ACCESS_LOSS
    }
}
