package dev.strongroom.desktop.items;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.application.Platform;

/**
 * Instant search as you type. Up to {@link #INLINE_LIMIT} items the query runs on the FX thread
 * itself: {@link InstantSearch} costs about a millisecond at 10,000 items, less than a hop to
 * another thread and back, and the result then lands in the same pulse as the keystroke. Larger
 * catalogs go to a search thread so the FX thread keeps its frame budget; only the newest query's
 * result is delivered there (older ones are skipped before they start and dropped if they finish
 * late).
 */
public final class ItemFilter implements AutoCloseable {

    /** Catalog size up to which a query is answered inline on the FX thread. */
    static final int INLINE_LIMIT = 25_000;

    private final ExecutorService searcher =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "strongroom-search");
                        t.setDaemon(true);
                        return t;
                    });
    private final AtomicLong generation = new AtomicLong();

    /**
     * Filters {@code catalog} by {@code query} and {@code scope}; {@code onFx} gets the result on
     * the FX thread (before this returns when the catalog is small enough). Call on the FX thread.
     */
    public void apply(
            ItemCatalog catalog,
            String query,
            Predicate<ItemSummary> scope,
            Consumer<List<ItemSummary>> onFx) {
        long mine = generation.incrementAndGet();
        if (catalog.size() <= INLINE_LIMIT) {
            onFx.accept(matches(catalog, query, scope));
            return;
        }
        searcher.execute(
                () -> {
                    if (generation.get() != mine) {
                        return; // a newer keystroke is queued
                    }
                    List<ItemSummary> out = matches(catalog, query, scope);
                    Platform.runLater(
                            () -> {
                                if (generation.get() == mine) {
                                    onFx.accept(out);
                                }
                            });
                });
    }

    static List<ItemSummary> matches(
            ItemCatalog catalog, String query, Predicate<ItemSummary> scope) {
        List<ItemSummary> matches = catalog.search(query);
        List<ItemSummary> out = new ArrayList<>(matches.size());
        for (ItemSummary s : matches) {
            if (scope.test(s)) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public void close() {
        generation.incrementAndGet();
        searcher.shutdownNow();
    }
}
