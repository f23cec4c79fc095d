package dev.strongroom.cli.agent;

import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * The agent's idle timeout: {@code --idle}, else {@code STRONGROOM_IDLE_MINUTES}, else {@value
 * #DEFAULT_MINUTES} minutes. A plain number is minutes and may have a fraction ({@code 0.5}); a
 * suffix gives the unit ({@code 90s}, {@code 15m}, {@code 2h}). Between 1 second and 24 hours.
 */
public final class IdleTimeout {

    public static final String ENV = "STRONGROOM_IDLE_MINUTES";
    public static final int DEFAULT_MINUTES = 15;
    static final Duration MIN = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofHours(24);

    private IdleTimeout() {}

    /** From the option if given, else the environment value if set, else the default. */
    public static Duration resolve(String option, String envValue) {
        if (option != null) {
            return parse(option, "--idle");
        }
        if (envValue != null && !envValue.isBlank()) {
            return parse(envValue, ENV);
        }
        return Duration.ofMinutes(DEFAULT_MINUTES);
    }

    static Duration parse(String text, String source) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        long unitMillis = 60_000;
        if (t.endsWith("s")) {
            unitMillis = 1_000;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("h")) {
            unitMillis = 3_600_000;
            t = t.substring(0, t.length() - 1);
        }
        Duration d;
        try {
            if (!t.matches("\\d{1,9}(\\.\\d{1,6})?")) {
                throw new NumberFormatException();
            }
            d =
                    Duration.ofMillis(
                            new BigDecimal(t).multiply(BigDecimal.valueOf(unitMillis)).longValue());
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(source);
        }
        if (d.compareTo(MIN) < 0 || d.compareTo(MAX) > 0) {
            throw invalid(source);
        }
        return d;
    }

    private static CliException invalid(String source) {
        return new CliException(
                ExitCode.USAGE,
                source
                        + " must be minutes (e.g. 15 or 0.5) or a duration such as 90s, 15m or 2h,"
                        + " between 1 s and 24 h");
    }

    /** "15 min", "90 s", "2 h" for messages. */
    public static String describe(Duration d) {
        long s = d.toSeconds();
        if (s % 3600 == 0) {
            return s / 3600 + " h";
        }
        if (s % 60 == 0) {
            return s / 60 + " min";
        }
        return s + " s";
    }
}
