package dev.strongroom.client.item;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Parses the one form items store instants in, {@link Instant#toString()} of a UTC instant
 * (2026-01-02T03:04:05Z, with 3, 6 or 9 fraction digits only when they are not zero), without the
 * cost of {@link java.time.format.DateTimeFormatter}: every item carries two instants and a cold
 * sync checks each item's content, so {@code Instant.parse} was a visible share of it. Anything
 * that is not that form returns null and the caller decides with the general parser.
 */
final class CanonicalInstants {

    private CanonicalInstants() {}

    /** The instant, or null when {@code s} is not in the canonical four-digit-year form. */
    static Instant parse(String s) {
        int n = s.length();
        if (n < 20
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':'
                || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int nano = 0;
        if (n != 20) {
            int digits = n - 21;
            if (s.charAt(19) != '.' || (digits != 3 && digits != 6 && digits != 9)) {
                return null;
            }
            int fraction = digits(s, 20, digits);
            if (fraction < 0 || fraction % 1000 == 0) {
                return null; // zero groups are not written in the canonical form
            }
            nano = digits == 3 ? fraction * 1_000_000 : digits == 6 ? fraction * 1000 : fraction;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nano)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal value of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
