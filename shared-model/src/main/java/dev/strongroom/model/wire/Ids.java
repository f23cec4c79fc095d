package dev.strongroom.model.wire;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Identifiers of accounts, teams, vaults and items: UUIDs that clients generate, in the canonical
 * 8-4-4-4-12 hexadecimal form only (the forms {@link UUID#fromString} also tolerates, such as
 * missing leading zeros, would let one id have several spellings).
 */
public final class Ids {

    private static final Pattern CANONICAL =
            Pattern.compile(
                    "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {}

    /**
     * Parses a canonical UUID.
     *
     * @throws IllegalArgumentException if the text is not one
     */
    public static UUID parse(String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not a canonical UUID");
        }
        return UUID.fromString(text.toLowerCase(Locale.ROOT));
    }

    /** True when the text is a canonical UUID. */
    public static boolean isValid(String text) {
        return text != null && CANONICAL.matcher(text).matches();
    }
}
