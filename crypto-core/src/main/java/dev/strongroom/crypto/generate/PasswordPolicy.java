package dev.strongroom.crypto.generate;

import dev.strongroom.crypto.api.ParameterRejectedException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a generated password may contain: its length, which character classes (ASCII lowercase,
 * uppercase, digits, symbols) it must use, characters to leave out, and whether to leave out the
 * look-alikes in {@link #AMBIGUOUS}. Every enabled class appears at least once in a generated
 * password (see {@link PasswordGenerator}).
 *
 * @param length 4 to 1024 characters
 * @param excluded characters never to use (null means none); characters outside the classes are
 *     ignored
 * @throws ParameterRejectedException if the length is out of range, no class is enabled, or an
 *     enabled class has no character left after the exclusions
 */
public record PasswordPolicy(
        int length,
        boolean lowercase,
        boolean uppercase,
        boolean digits,
        boolean symbols,
        String excluded,
        boolean excludeAmbiguous) {

    public static final int MIN_LENGTH = 4;
    public static final int MAX_LENGTH = 1024;

    public static final String LOWERCASE = "abcdefghijklmnopqrstuvwxyz";
    public static final String UPPERCASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public static final String DIGITS = "0123456789";

    /** All 32 printable ASCII punctuation characters. */
    public static final String SYMBOLS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /** Characters easily mistaken for one another when read or typed from a screen. */
    public static final String AMBIGUOUS = "0Oo1lI|'`\"";

    /** 20 characters from all four classes (94 characters, about 131 bits), nothing excluded. */
    public static final PasswordPolicy DEFAULT =
            new PasswordPolicy(20, true, true, true, true, "", false);

    public PasswordPolicy {
        excluded = excluded == null ? "" : excluded;
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new ParameterRejectedException(
                    "password length must be in ["
                            + MIN_LENGTH
                            + ", "
                            + MAX_LENGTH
                            + "], got "
                            + length);
        }
        if (!lowercase && !uppercase && !digits && !symbols) {
            throw new ParameterRejectedException(
                    "a password policy needs at least one character class");
        }
        String[] names = {"lowercase letters", "uppercase letters", "digits", "symbols"};
        boolean[] enabled = {lowercase, uppercase, digits, symbols};
        String[] all = {LOWERCASE, UPPERCASE, DIGITS, SYMBOLS};
        int classes = 0;
        for (int i = 0; i < all.length; i++) {
            if (enabled[i]) {
                classes++;
                if (allowed(all[i], excluded, excludeAmbiguous).isEmpty()) {
                    throw new ParameterRejectedException(
                            "no " + names[i] + " are left after the exclusions");
                }
            }
        }
        if (length < classes) {
            throw new ParameterRejectedException(
                    "password length " + length + " cannot cover " + classes + " classes");
        }
    }

    /**
     * The enabled classes, each reduced by the exclusions, in the order lower, upper, digit,
     * symbol.
     */
    public List<String> characterClasses() {
        List<String> classes = new ArrayList<>(4);
        if (lowercase) {
            classes.add(allowed(LOWERCASE, excluded, excludeAmbiguous));
        }
        if (uppercase) {
            classes.add(allowed(UPPERCASE, excluded, excludeAmbiguous));
        }
        if (digits) {
            classes.add(allowed(DIGITS, excluded, excludeAmbiguous));
        }
        if (symbols) {
            classes.add(allowed(SYMBOLS, excluded, excludeAmbiguous));
        }
        return classes;
    }

    private static String allowed(String characters, String excluded, boolean excludeAmbiguous) {
        StringBuilder out = new StringBuilder(characters.length());
        for (char c : characters.toCharArray()) {
            if (excluded.indexOf(c) < 0 && !(excludeAmbiguous && AMBIGUOUS.indexOf(c) >= 0)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
