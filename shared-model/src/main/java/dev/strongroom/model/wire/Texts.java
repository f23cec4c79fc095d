package dev.strongroom.model.wire;

/** Checks on text fields that must survive storage in SQLite and PostgreSQL byte for byte. */
public final class Texts {

    private Texts() {}

    /**
     * True when the string has no NUL character (PostgreSQL text cannot hold it) and no unpaired
     * UTF-16 surrogate (it cannot be encoded as UTF-8 and would be silently replaced).
     */
    public static boolean isStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
