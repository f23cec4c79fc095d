package dev.strongroom.model.wire;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one normalisation of account emails, shared by server and clients: it is the account's lookup
 * key, the SRP identity and the email inside the public bundle, so every side must produce the same
 * string. NFKC, trimmed, lower-cased (root locale).
 */
public final class Emails {

    public static final int MAX_LENGTH = 254;

    private Emails() {}

    /**
     * Normalises and checks an email address.
     *
     * @throws IllegalArgumentException if it is not a plausible address (one {@code @} with text on
     *     both sides, no spaces or control characters, at most 254 characters)
     */
    public static String normalize(String email) {
        if (email == null) {
            throw new IllegalArgumentException("email is required");
        }
        String n =
                Normalizer.normalize(email, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        int at = n.indexOf('@');
        boolean ok =
                n.length() >= 3
                        && n.length() <= MAX_LENGTH
                        && at > 0
                        && at == n.lastIndexOf('@')
                        && at < n.length() - 1
                        && Texts.isStorable(n)
                        && n.codePoints()
                                .noneMatch(
                                        c ->
                                                Character.isWhitespace(c)
                                                        || Character.isISOControl(c));
        if (!ok) {
            throw new IllegalArgumentException("email is not a valid address");
        }
        return n;
    }
}
