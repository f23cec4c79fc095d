package dev.strongroom.client.rotation;

import dev.strongroom.client.rotation.RotationFinding.Kind;
import dev.strongroom.client.rotation.RotationFinding.Source;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The rotation report: which items are past their rotation date, expired, or expiring (or due for
 * rotation) within a window, most urgent first. Pure: the clock (instant and zone) is a parameter.
 *
 * <p>Rules. Rotation is due on lastRotated + everyDays and counts as due from the start of that
 * day. An expiry date is the last valid day. A certificate expires at its chain's earliest
 * notAfter. When an item has both an expiry date and a certificate, the earlier one is reported.
 * Each item yields at most one expiry finding and one rotation finding. Order: by due instant, then
 * by kind (expired, rotation due, expires soon, rotation due soon), then name, then ref.
 */
public final class RotationReport {

    private static final Comparator<RotationFinding> URGENCY =
            Comparator.comparing(RotationFinding::due)
                    .thenComparing(RotationFinding::kind)
                    .thenComparing(f -> f.subject().name())
                    .thenComparing(f -> f.subject().ref());

    private RotationReport() {}

    /**
     * @param windowDays how far ahead, in days of 24 hours from now, counts as "soon" (0: report
     *     only what is already due or expired)
     */
    public static List<RotationFinding> build(
            Collection<RotationSubject> subjects, Clock clock, int windowDays) {
        if (windowDays < 0) {
            throw new IllegalArgumentException("windowDays must not be negative");
        }
        Instant now = clock.instant();
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<RotationFinding> findings = new ArrayList<>();
        for (RotationSubject subject : subjects) {
            RotationFinding expiry = expiry(subject, now, today, zone, windowDays);
            if (expiry != null) {
                findings.add(expiry);
            }
            RotationFinding rotation = rotation(subject, now, today, zone, windowDays);
            if (rotation != null) {
                findings.add(rotation);
            }
        }
        findings.sort(URGENCY);
        return findings;
    }

    private static RotationFinding expiry(
            RotationSubject s, Instant now, LocalDate today, ZoneId zone, int windowDays) {
        Instant dateDue = s.expires() == null ? null : startOf(s.expires().plusDays(1), zone);
        Instant certDue = s.certificateNotAfter();
        if (dateDue == null && certDue == null) {
            return null;
        }
        boolean fromCertificate = dateDue == null || (certDue != null && certDue.isBefore(dateDue));
        Instant due = fromCertificate ? certDue : dateDue;
        // X.509 notAfter is the last valid instant; an expiry date's due is the next day's start
        boolean expired = fromCertificate ? now.isAfter(due) : !now.isBefore(due);
        long daysLeft =
                fromCertificate
                        ? Math.floorDiv(Duration.between(now, due).getSeconds(), 86_400L)
                        : ChronoUnit.DAYS.between(today, s.expires());
        Kind kind = expired ? Kind.EXPIRED : soon(due, now, windowDays) ? Kind.EXPIRES_SOON : null;
        Source source = fromCertificate ? Source.CERTIFICATE : Source.EXPIRY_DATE;
        return kind == null ? null : new RotationFinding(s, kind, source, due, daysLeft);
    }

    private static RotationFinding rotation(
            RotationSubject s, Instant now, LocalDate today, ZoneId zone, int windowDays) {
        if (s.rotation() == null) {
            return null;
        }
        LocalDate dueOn = s.rotation().dueOn();
        Instant due = startOf(dueOn, zone);
        long daysLeft = ChronoUnit.DAYS.between(today, dueOn);
        Kind kind =
                !now.isBefore(due)
                        ? Kind.ROTATION_DUE
                        : soon(due, now, windowDays) ? Kind.ROTATION_DUE_SOON : null;
        return kind == null
                ? null
                : new RotationFinding(s, kind, Source.ROTATION_POLICY, due, daysLeft);
    }

    /** Due within the next {@code windowDays} days (of 24 hours) from now. */
    private static boolean soon(Instant due, Instant now, int windowDays) {
        return !due.isAfter(now.plus(Duration.ofDays(windowDays)));
    }

    private static Instant startOf(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }
}
