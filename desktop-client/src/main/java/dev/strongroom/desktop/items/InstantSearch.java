package dev.strongroom.desktop.items;

import dev.strongroom.client.search.SearchDocument;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The item list's search as you type: the same matches in the same order as client-core's {@link
 * dev.strongroom.client.search.SearchIndex} asked for every hit (each whitespace-separated term
 * occurs, case- and accent-insensitive, in the name, username, URLs, tags, folder, field names or
 * type; per-term scores add up; ties by folded name, then id), which {@code InstantSearchTest}
 * checks against it. What differs is the cost of a broad query: client-core ranks with a heap and a
 * sort of comparators, about 10 ms for 10,000 hits; here the items are kept in (folded name, id)
 * order once, so a query only scores them and sorts packed score/position numbers. When a query
 * extends the previous one (every earlier term lies inside a new term, as when typing on), only the
 * previous matches can match, and only they are scanned. Thread-safe (synchronised).
 */
final class InstantSearch {

    static final int WHOLE_NAME = 1000;
    static final int NAME_PREFIX = 800;
    static final int NAME_WORD = 600;
    static final int NAME_ANYWHERE = 400;
    static final int OTHER_WORD = 200;
    static final int OTHER_ANYWHERE = 100;

    private final ItemSummary[] items;
    private final String[] names;
    private final String[] others;
    private String[] lastTerms;
    private int[] lastMatches;

    private record Row(ItemSummary item, String id, String name, String other) {}

    /** {@code items.get(i)} is found by {@code documents.get(i)}. */
    InstantSearch(List<ItemSummary> items, List<SearchDocument> documents) {
        Row[] rows = new Row[items.size()];
        for (int i = 0; i < rows.length; i++) {
            SearchDocument d = documents.get(i);
            rows[i] = new Row(items.get(i), d.id(), fold(d.name()), fold(other(d)));
        }
        Arrays.sort(rows, Comparator.comparing(Row::name).thenComparing(Row::id));
        this.items = new ItemSummary[rows.length];
        this.names = new String[rows.length];
        this.others = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            this.items[i] = rows[i].item();
            this.names[i] = rows[i].name();
            this.others[i] = rows[i].other();
        }
    }

    /** Every item matching a non-blank {@code query}, best first. */
    synchronized List<ItemSummary> search(String query) {
        String[] terms = fold(query).trim().split("\\s+");
        int[] candidates = extendsLast(terms) ? lastMatches : null;
        int count = candidates == null ? items.length : candidates.length;
        long[] ranked = new long[count];
        int[] matches = new int[count];
        int found = 0;
        for (int c = 0; c < count; c++) {
            int i = candidates == null ? c : candidates[c];
            int total = 0;
            for (String term : terms) {
                int score = score(names[i], others[i], term);
                if (score == 0) {
                    total = 0;
                    break;
                }
                total += score;
            }
            if (total > 0) {
                // higher score first, then the (folded name, id) order the items are kept in
                ranked[found] = ((long) (Integer.MAX_VALUE - total) << 32) | i;
                matches[found++] = i;
            }
        }
        lastTerms = terms;
        lastMatches = Arrays.copyOf(matches, found);
        ranked = Arrays.copyOf(ranked, found);
        Arrays.sort(ranked);
        List<ItemSummary> out = new ArrayList<>(found);
        for (long r : ranked) {
            out.add(items[(int) r]);
        }
        return out;
    }

    /** Whether every match of {@code terms} was a match of the previous query. */
    private boolean extendsLast(String[] terms) {
        if (lastTerms == null) {
            return false;
        }
        for (String old : lastTerms) {
            boolean inside = false;
            for (String term : terms) {
                inside |= term.contains(old);
            }
            if (!inside) {
                return false;
            }
        }
        return true;
    }

    private static int score(String name, String other, String term) {
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

    /** The fields other than the name, one per line, as client-core's index joins them. */
    private static String other(SearchDocument d) {
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
            out.append(value).append('\n');
        }
    }

    /** Lower case without accents, as client-core folds ("Café" matches "cafe"). */
    static String fold(String text) {
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
