package dev.strongroom.client.item;

import dev.strongroom.client.secret.SecretText;
import dev.strongroom.crypto.common.Bytes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A set of environment variables (KEY=VALUE), in order, names unique.
 *
 * <p>Text form ({@link #parse(char[])} / {@link #format()}): one {@code NAME=VALUE} per line (LF or
 * CRLF); blank lines and lines whose first non-blank character is {@code #} are skipped; an
 * optional {@code export } prefix is allowed; the value is the rest of the line verbatim, except
 * that one pair of matching surrounding quotes ({@code "..."} or {@code '...'}) is removed. No
 * escapes, no interpolation, no spaces around {@code =}. Values with line breaks cannot be written
 * in this form.
 */
public record EnvironmentSet(List<EnvVar> vars) implements ItemData {

    public static final int MAX_VARS = 1000;

    public EnvironmentSet {
        vars = Check.list("env.vars", vars, MAX_VARS);
        Set<String> seen = new HashSet<>();
        for (EnvVar var : vars) {
            if (!seen.add(var.name())) {
                throw new ItemValidationException("env." + var.name(), "duplicate variable name");
            }
        }
    }

    /** Parses the text form; errors name the line number and rule, never the line's content. */
    public static EnvironmentSet parse(char[] text) {
        List<EnvVar> vars = new ArrayList<>();
        int line = 0;
        int pos = 0;
        try {
            while (pos < text.length) {
                int end = pos;
                while (end < text.length && text[end] != '\n') {
                    end++;
                }
                line++;
                int lineEnd = end > pos && text[end - 1] == '\r' ? end - 1 : end;
                parseLine(text, pos, lineEnd, line, vars);
                pos = end + 1;
            }
            return new EnvironmentSet(vars);
        } catch (ItemValidationException e) {
            vars.forEach(v -> v.value().wipe());
            throw e;
        }
    }

    private static void parseLine(char[] text, int start, int end, int line, List<EnvVar> out) {
        int first = start;
        while (first < end && (text[first] == ' ' || text[first] == '\t')) {
            first++;
        }
        if (first == end || text[first] == '#') {
            return;
        }
        int nameStart = start;
        if (startsWith(text, start, end, "export ")) {
            nameStart = start + "export ".length();
            while (nameStart < end && text[nameStart] == ' ') {
                nameStart++;
            }
        }
        int eq = nameStart;
        while (eq < end && text[eq] != '=') {
            eq++;
        }
        if (eq == end) {
            throw new ItemValidationException("env line " + line, "must have the form NAME=VALUE");
        }
        String name = new String(text, nameStart, eq - nameStart);
        if (!EnvVar.isValidName(name)) {
            throw new ItemValidationException(
                    "env line " + line,
                    "name must be a letter or _, then letters, digits or _ (at most 256)");
        }
        int valueStart = eq + 1;
        int valueEnd = end;
        if (valueEnd - valueStart >= 2
                && (text[valueStart] == '"' || text[valueStart] == '\'')
                && text[valueEnd - 1] == text[valueStart]) {
            valueStart++;
            valueEnd--;
        }
        for (EnvVar existing : out) {
            if (existing.name().equals(name)) {
                throw new ItemValidationException(
                        "env line " + line, "duplicate variable name " + name);
            }
        }
        out.add(new EnvVar(name, SecretText.copyOf(text, valueStart, valueEnd - valueStart)));
    }

    private static boolean startsWith(char[] text, int start, int end, String prefix) {
        if (end - start < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text[start + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text form, one {@code NAME=VALUE} line each; values starting with a quote are wrapped in
     * double quotes so {@link #parse(char[])} gives them back unchanged. The caller wipes the
     * result.
     */
    public char[] format() {
        StringBuilderLike out = new StringBuilderLike();
        try {
            for (EnvVar var : vars) {
                char[] value = var.value().chars();
                try {
                    for (char c : value) {
                        if (c == '\n' || c == '\r') {
                            throw new ItemValidationException(
                                    "env." + var.name(),
                                    "value has a line break and cannot be written as NAME=VALUE");
                        }
                    }
                    boolean quote = value.length > 0 && (value[0] == '"' || value[0] == '\'');
                    out.append(var.name()).append('=');
                    if (quote) {
                        out.append('"');
                    }
                    out.append(value);
                    if (quote) {
                        out.append('"');
                    }
                    out.append('\n');
                } finally {
                    Bytes.wipe(value);
                }
            }
            return out.toChars();
        } finally {
            out.wipe();
        }
    }

    /** The variable called {@code name}, or null. */
    public EnvVar get(String name) {
        for (EnvVar var : vars) {
            if (var.name().equals(name)) {
                return var;
            }
        }
        return null;
    }

    @Override
    public ItemType type() {
        return ItemType.ENVIRONMENT;
    }

    @Override
    public Map<String, Object> fieldValues() {
        return new Fields().put("vars", vars).build();
    }

    /** A growable char[] that can be wiped (StringBuilder cannot). */
    private static final class StringBuilderLike {
        private char[] buffer = new char[256];
        private int length;

        StringBuilderLike append(char c) {
            ensure(1);
            buffer[length++] = c;
            return this;
        }

        StringBuilderLike append(String s) {
            ensure(s.length());
            s.getChars(0, s.length(), buffer, length);
            length += s.length();
            return this;
        }

        StringBuilderLike append(char[] chars) {
            ensure(chars.length);
            System.arraycopy(chars, 0, buffer, length, chars.length);
            length += chars.length;
            return this;
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                char[] bigger = new char[Math.max(buffer.length * 2, length + more)];
                System.arraycopy(buffer, 0, bigger, 0, length);
                Bytes.wipe(buffer);
                buffer = bigger;
            }
        }

        char[] toChars() {
            return java.util.Arrays.copyOf(buffer, length);
        }

        void wipe() {
            Bytes.wipe(buffer);
        }
    }
}
