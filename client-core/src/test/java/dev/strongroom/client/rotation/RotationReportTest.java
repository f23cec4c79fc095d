package dev.strongroom.client.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.item.ItemSamples;
import dev.strongroom.client.item.ItemType;
import dev.strongroom.client.item.RotationPolicy;
import dev.strongroom.client.rotation.RotationFinding.Kind;
import dev.strongroom.client.rotation.RotationFinding.Source;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RotationReportTest {

    /** 2026-03-10 12:00 UTC. */
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);

    private static RotationSubject subject(
            String name, RotationPolicy rotation, String expires, String notAfter) {
        return new RotationSubject(
                "ref-" + name,
                name,
                notAfter == null ? ItemType.API_KEY : ItemType.CERTIFICATE,
                rotation,
                expires == null ? null : LocalDate.parse(expires),
                notAfter == null ? null : Instant.parse(notAfter));
    }

    private static RotationPolicy rotated(String date, int days) {
        return new RotationPolicy(days, LocalDate.parse(date));
    }

    @Test
    void classifiesAndSortsByUrgency() {
        List<RotationSubject> subjects =
                List.of(
                        subject("fine", rotated("2026-03-01", 90), "2027-01-01", null),
                        subject("rotation-overdue", rotated("2025-12-01", 30), null, null),
                        subject("rotation-due-today", rotated("2026-02-08", 30), null, null),
                        subject("rotation-soon", rotated("2026-02-20", 30), null, null),
                        subject("expired-yesterday", null, "2026-03-09", null),
                        subject("last-day-today", null, "2026-03-10", null),
                        subject("expires-in-20-days", null, "2026-03-30", null),
                        subject("cert-expired", null, null, "2026-01-01T00:00:00Z"),
                        subject("cert-soon", null, null, "2026-03-15T00:00:00Z"),
                        subject("cert-later", null, null, "2027-03-15T00:00:00Z"));
        List<RotationFinding> report = RotationReport.build(subjects, CLOCK, 30);
        assertThat(report)
                .extracting(f -> f.subject().name() + " " + f.kind() + " " + f.daysLeft())
                .containsExactly(
                        "rotation-overdue ROTATION_DUE -69",
                        "cert-expired EXPIRED -69",
                        "expired-yesterday EXPIRED -1",
                        "rotation-due-today ROTATION_DUE 0",
                        "last-day-today EXPIRES_SOON 0",
                        "cert-soon EXPIRES_SOON 4",
                        "rotation-soon ROTATION_DUE_SOON 12",
                        "expires-in-20-days EXPIRES_SOON 20");
        assertThat(report.get(1).source()).isEqualTo(Source.CERTIFICATE);
        assertThat(report.get(2).due()).isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
    }

    @Test
    void windowZeroReportsOnlyWhatIsDue() {
        List<RotationFinding> report =
                RotationReport.build(
                        List.of(
                                subject("soon", rotated("2026-02-20", 30), "2026-03-11", null),
                                subject("due", rotated("2026-02-08", 30), null, null)),
                        CLOCK,
                        0);
        assertThat(report).extracting(f -> f.subject().name()).containsExactly("due");
    }

    @Test
    void earlierOfExpiryDateAndCertificateWins() {
        RotationSubject both = subject("both", null, "2026-03-20", "2026-03-12T00:00:00Z");
        List<RotationFinding> report = RotationReport.build(List.of(both), CLOCK, 30);
        assertThat(report).hasSize(1);
        assertThat(report.get(0).source()).isEqualTo(Source.CERTIFICATE);
        assertThat(report.get(0).daysLeft()).isEqualTo(1);
    }

    @Test
    void datesFollowTheClockZone() {
        // 2026-03-10T12:00Z is already 2026-03-11 in Auckland (+13:00)
        Clock auckland = CLOCK.withZone(ZoneId.of("Pacific/Auckland"));
        RotationSubject lastDay = subject("x", null, "2026-03-10", null);
        assertThat(RotationReport.build(List.of(lastDay), auckland, 0))
                .singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(Kind.EXPIRED));
        assertThat(RotationReport.build(List.of(lastDay), CLOCK, 0)).isEmpty();
    }

    @Test
    void subjectsFromItems() {
        RotationSubject cert = RotationSubject.of("c", ItemSamples.item(ItemType.CERTIFICATE));
        assertThat(cert.certificateNotAfter()).isEqualTo(Instant.parse("2035-01-01T00:00:00Z"));
        RotationSubject login = RotationSubject.of("l", ItemSamples.item(ItemType.LOGIN));
        assertThat(login.rotation().dueOn()).isEqualTo(LocalDate.parse("2026-04-01"));
        List<RotationFinding> report = RotationReport.build(List.of(cert, login), CLOCK, 30);
        // both samples carry the same 90-day policy; the certificate is far from expiry
        assertThat(report)
                .extracting(f -> f.subject().ref() + " " + f.kind())
                .containsExactly("c ROTATION_DUE_SOON", "l ROTATION_DUE_SOON");
    }
}
