package dev.strongroom.desktop.items;

import dev.strongroom.client.search.SearchDocument;
import dev.strongroom.client.search.SearchTerms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The item list's search as you type: the same matches in the same order as client-core's {@link
 * dev.strongroom.client.search.SearchIndex} asked for every hit, scored by the same {@link
 * SearchTerms} (each whitespace-separated term occurs, case- and accent-insensitive, in the name,
 * username, URLs, tags, folder, field names or type; per-term scores add up; ties by folded name,
 * then id), which {@code InstantSearchTest} checks against it. What differs is the cost of a broad
 * query: client-core ranks with a heap and a sort of comparators, about 10 ms for 10,000 hits; here
 * the items are kept in (folded name, id) order once, so a query only scores them and sorts packed
 * score/position numbers. When a query extends the previous one (every earlier term lies inside a
 * new term, as when typing on), only the previous matches can match, and only they are scanned.
 * Thread-safe (synchronised).
 */
final class InstantSearch {

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
            rows[i] =
                    new Row(
                            items.get(i),
                            d.id(),
                            SearchTerms.fold(d.name()),
                            SearchTerms.fold(SearchTerms.otherFields(d)));
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
        String[] terms = SearchTerms.of(query);
        int[] candidates = extendsLast(terms) ? lastMatches : null;
        int count = candidates == null ? items.length : candidates.length;
        long[] ranked = new long[count];
        int[] matches = new int[count];
        int found = 0;
        for (int c = 0; c < count; c++) {
            int i = candidates == null ? c : candidates[c];
            int total = 0;
            for (String term : terms) {
                int score = SearchTerms.score(names[i], others[i], term);
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
}
