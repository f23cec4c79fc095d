package dev.strongroom.client.item;

import dev.strongroom.client.secret.SecretText;
import dev.strongroom.crypto.common.Bytes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Validation helpers shared by the item records. Messages name the rule, never the value. */
final class Check {

    static final int SHORT = 256;
    static final int SECRET = 16_384;
    static final int LONG = 1_048_576;

    private Check() {}

    /** A required single-line text: not blank, no control characters, at most {@code max}. */
    static String text(String field, String value, int max) {
        if (value == null) {
            throw new ItemValidationException(field, "is required");
        }
        if (value.isBlank()) {
            throw new ItemValidationException(field, "must not be blank");
        }
        return checkChars(field, value, max, false);
    }

    /** An optional single-line text; empty becomes null (absent). */
    static String optionalText(String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return text(field, value, max);
    }

    /** An optional multi-line text (tabs and line breaks allowed); empty becomes null. */
    static String optionalMultiline(String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return checkChars(field, value, max, true);
    }

    /** A required multi-line text. */
    static String multiline(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new ItemValidationException(field, "is required");
        }
        return checkChars(field, value, max, true);
    }

    private static String checkChars(String field, String value, int max, boolean multiline) {
        if (value.length() > max) {
            throw new ItemValidationException(field, "must be at most " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                throw new ItemValidationException(
                        field, "must not contain control characters (position " + (i + 1) + ")");
            }
        }
        if (!wellFormed(value.toCharArray())) {
            throw new ItemValidationException(field, "must be valid Unicode (unpaired surrogate)");
        }
        return value;
    }

    static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    /** A required, non-empty secret of at most {@code max} characters. */
    static SecretText secret(String field, SecretText value, int max) {
        if (value == null) {
            throw new ItemValidationException(field, "is required");
        }
        checkSecret(field, value, max);
        if (value.isEmpty()) {
            throw new ItemValidationException(field, "must not be empty");
        }
        return value;
    }

    /** A required secret that may be empty (environment values, custom fields). */
    static SecretText secretMaybeEmpty(String field, SecretText value, int max) {
        if (value == null) {
            throw new ItemValidationException(field, "is required");
        }
        checkSecret(field, value, max);
        return value;
    }

    /** An optional secret; an empty one is wiped and becomes null (absent). */
    static SecretText optionalSecret(String field, SecretText value, int max) {
        if (value == null) {
            return null;
        }
        checkSecret(field, value, max);
        if (value.isEmpty()) {
            value.wipe();
            return null;
        }
        return value;
    }

    private static void checkSecret(String field, SecretText value, int max) {
        if (value.isWiped()) {
            throw new ItemValidationException(field, "has been wiped");
        }
        if (value.length() > max) {
            throw new ItemValidationException(field, "must be at most " + max + " characters");
        }
        onChars(
                value,
                chars -> {
                    if (!wellFormed(chars)) {
                        throw new ItemValidationException(
                                field, "must be valid Unicode (unpaired surrogate)");
                    }
                });
    }

    /** True when every surrogate is part of a pair, so the text has a UTF-8 encoding. */
    static boolean wellFormed(char[] chars) {
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= chars.length || !Character.isLowSurrogate(chars[i + 1])) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** A URL-ish value: not empty, at most 2048 chars, no whitespace or control characters. */
    static void urlChars(String field, char[] value) {
        if (value.length == 0) {
            throw new ItemValidationException(field, "must not be empty");
        }
        if (value.length > 2048) {
            throw new ItemValidationException(field, "must be at most 2048 characters");
        }
        for (char c : value) {
            if (isControl(c) || Character.isWhitespace(c)) {
                throw new ItemValidationException(
                        field, "must not contain whitespace or control characters");
            }
        }
    }

    static String url(String field, String value) {
        if (value == null) {
            throw new ItemValidationException(field, "is required");
        }
        char[] chars = value.toCharArray();
        urlChars(field, chars);
        return value;
    }

    /** Runs {@code check} on a copy of the secret's chars and wipes the copy. */
    static void onChars(SecretText secret, java.util.function.Consumer<char[]> check) {
        char[] chars = secret.chars();
        try {
            check.accept(chars);
        } finally {
            Bytes.wipe(chars);
        }
    }

    /** A non-null list without null elements, copied and unmodifiable. */
    static <T> List<T> list(String field, List<T> values, int maxSize) {
        if (values == null) {
            throw new ItemValidationException(field, "is required (use an empty list)");
        }
        if (values.size() > maxSize) {
            throw new ItemValidationException(field, "must have at most " + maxSize + " entries");
        }
        List<T> copy = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new ItemValidationException(field + "[" + i + "]", "must not be null");
            }
            copy.add(values.get(i));
        }
        return Collections.unmodifiableList(copy);
    }

    static void wipe(SecretText secret) {
        if (secret != null) {
            secret.wipe();
        }
    }
}
