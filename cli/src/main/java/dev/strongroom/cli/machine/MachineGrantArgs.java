package dev.strongroom.cli.machine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code --vault V[:read|write]} (read when no permission is given: machines are read-only
 * by default; only a trailing {@code :read} or {@code :write} is taken as the permission, so vault
 * names may hold colons) and {@code --expires} (a date, meaning 00:00 UTC of that day, or an
 * ISO-8601 instant).
 */
final class MachineGrantArgs {

    private MachineGrantArgs() {}

    /** The grants as the agent takes them: a JSON array of {vault, permission}. */
    static String grants(List<String> specs) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (String spec : specs) {
            String vault = spec;
            String permission = "read";
            int colon = spec.lastIndexOf(':');
            if (colon >= 0) {
                String suffix = spec.substring(colon + 1).toLowerCase(Locale.ROOT);
                if (suffix.equals("read") || suffix.equals("write")) {
                    vault = spec.substring(0, colon);
                    permission = suffix;
                }
            }
            if (vault.isBlank()) {
                throw new CliException(ExitCode.USAGE, "--vault needs a vault name or id");
            }
            out.addObject().put("vault", vault).put("permission", permission);
        }
        return out.toString();
    }

    /** Epoch milliseconds of {@code --expires}, or null without it. */
    static String expiry(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            Instant at =
                    raw.contains("T")
                            ? Instant.parse(raw)
                            : LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant();
            return Long.toString(at.toEpochMilli());
        } catch (DateTimeException e) {
            throw new CliException(
                    ExitCode.USAGE,
                    "--expires must be a date (2027-01-31) or an instant (2027-01-31T12:00:00Z)");
        }
    }
}
