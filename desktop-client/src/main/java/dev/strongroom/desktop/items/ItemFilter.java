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
 * Instant search as you type without touching the FX thread's frame budget: each keystroke submits
 * the query to a search thread, and only the newest query's result is delivered (older ones are
 * skipped before they start and dropped if they finish late).
 */
public final class ItemFilter implements AutoCloseable {

    private final ExecutorService searcher =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "strongroom-search");
                        t.setDaemon(true);
                        return t;
                    });
    private final AtomicLong generation = new AtomicLong();

    /** Filters {@code catalog} by {@code query} and {@code scope}; {@code onFx} gets the result. */
    public void apply(
            ItemCatalog catalog,
            String query,
            Predicate<ItemSummary> scope,
            Consumer<List<ItemSummary>> onFx) {
        long mine = generation.incrementAndGet();
        searcher.execute(
                () -> {
                    if (generation.get() != mine) {
                        return; // a newer keystroke is queued
                    }
                    List<ItemSummary> matches = catalog.search(query);
                    List<ItemSummary> out = new ArrayList<>(matches.size());
                    for (ItemSummary s : matches) {
                        if (scope.test(s)) {
                            out.add(s);
                        }
                    }
                    Platform.runLater(
                            () -> {
                                if (generation.get() == mine) {
                                    onFx.accept(out);
                                }
                            });
                });
    }

    @Override
    public void close() {
        generation.incrementAndGet();
        searcher.shutdownNow();
    }
}
