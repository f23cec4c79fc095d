package dev.strongroom.client.automation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An env file for {@code strongroom run --env-file}: one {@code NAME=value} per line, where value
 * is a secret reference ({@code sr://...}) or a plain value passed through as is; blank lines and
 * lines starting with {@code #} are ignored, and an optional leading {@code export } is allowed so
 * the same file can be sourced by a shell. A line that is none of those, an invalid name or a name
 * given twice refuses the whole file, naming the line.
 */
public final class EnvFile {

    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** One variable: its reference, or its literal value when it has none. */
    public record Entry(String name, Optional<SecretReference> reference, String literal) {}

    private final Map<String, Entry> entries;

    private EnvFile(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public static EnvFile parse(String text) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).stripLeading();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new AutomationInputException(
                        "env file line " + number + ": expected NAME=sr://team/vault/item/field");
            }
            String name = line.substring(0, eq).strip();
            String value = unquote(line.substring(eq + 1).strip(), number);
            if (!NAME.matcher(name).matches()) {
                throw new AutomationInputException(
                        "env file line " + number + ": '" + name + "' is not a variable name");
            }
            Entry entry =
                    value.startsWith(SecretReference.SCHEME)
                            ? new Entry(name, Optional.of(parseRef(value, number)), null)
                            : new Entry(name, Optional.empty(), value);
            if (entries.putIfAbsent(name, entry) != null) {
                throw new AutomationInputException(
                        "env file line " + number + ": " + name + " is set twice");
            }
        }
        return new EnvFile(Collections.unmodifiableMap(entries));
    }

    public Map<String, Entry> entries() {
        return entries;
    }

    private static SecretReference parseRef(String value, int number) {
        try {
            return SecretReference.parse(value);
        } catch (AutomationInputException e) {
            throw new AutomationInputException("env file line " + number + ": " + e.getMessage());
        }
    }

    private static String unquote(String value, int number) {
        if (value.length() >= 2
                && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            return value.substring(1, value.length() - 1);
        }
        if (value.startsWith("\"") || value.startsWith("'")) {
            throw new AutomationInputException(
                    "env file line " + number + ": the value's quote is not closed");
        }
        return value;
    }
}
