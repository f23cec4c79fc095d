package dev.strongroom.client.search;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How a query matches item metadata, shared by every search over it ({@link SearchIndex} here, the
 * desktop's search as you type): text is folded (lower case, no accents), a query splits into
 * whitespace-separated terms, and each term scores against a document's folded name and its other
 * fields (username, URLs, tags, folder, field names, type). A document matches when every term
 * scores; scores add up over terms.
 */
public final class SearchTerms {

    public static final int WHOLE_NAME = 1000;
    public static final int NAME_PREFIX = 800;
    public static final int NAME_WORD = 600;
    public static final int NAME_ANYWHERE = 400;
    public static final int OTHER_WORD = 200;
    public static final int OTHER_ANYWHERE = 100;

    private SearchTerms() {}

    /** The folded terms of a query; a blank query gives one empty term. */
    public static String[] of(String query) {
        return fold(query).trim().split("\\s+");
    }

    /**
     * A term's score against a document's folded name and folded other fields ({@link
     * #otherFields}): whole name, name prefix, a word of the name, anywhere in the name, a word of
     * the other fields, anywhere in them; 0 when the term occurs nowhere.
     */
    public static int score(String name, String other, String term) {
        if (name.equals(term)) {
            return WHOLE_NAME;
        }
        if (name.startsWith(term)) {
            return NAME_PREFIX;
        }
        int inName = occurrence(name, term);
        if (inName > 0) {
            return inName == 2 ? NAME_WORD : NAME_ANYWHERE;
        }
        int inOther = occurrence(other, term);
        if (inOther > 0) {
            return inOther == 2 ? OTHER_WORD : OTHER_ANYWHERE;
        }
        return 0;
    }

    /** 0: absent; 1: only inside words; 2: at the start of a word somewhere. */
    private static int occurrence(String haystack, String term) {
        int at = haystack.indexOf(term);
        if (at < 0) {
            return 0;
        }
        while (at >= 0) {
            if (at == 0 || !Character.isLetterOrDigit(haystack.charAt(at - 1))) {
                return 2;
            }
            at = haystack.indexOf(term, at + 1);
        }
        return 1;
    }

    /** The fields other than the name, one per line, unfolded. */
    public static String otherFields(SearchDocument d) {
        StringBuilder other = new StringBuilder();
        append(other, d.username());
        d.urls().forEach(u -> append(other, u));
        d.tags().forEach(t -> append(other, t));
        append(other, d.folder());
        d.fieldNames().forEach(f -> append(other, f));
        append(other, d.type().wireName().replace('_', ' '));
        return other.toString();
    }

    private static void append(StringBuilder out, String value) {
        if (value != null) {
            // a separator that no query term can contain keeps fields from running together
            out.append(value).append('\n');
        }
    }

    /** Lower case without accents ("Café" and "cafe" match), fast path for ASCII. */
    public static String fold(String text) {
        boolean ascii = true;
        for (int i = 0; i < text.length() && ascii; i++) {
            ascii = text.charAt(i) < 0x80;
        }
        String base = ascii ? text : stripMarks(Normalizer.normalize(text, Normalizer.Form.NFD));
        return base.toLowerCase(Locale.ROOT);
    }

    private static String stripMarks(String decomposed) {
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
