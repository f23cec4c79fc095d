package dev.strongroom.client.sync;

import dev.strongroom.model.wire.ChangesResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The next page of a vault's changes, fetched on a background thread while the caller verifies the
 * current one. Nothing fetched is trusted: the page goes through the same checks as one fetched in
 * line. The threads are daemons and idle ones end after a minute.
 */
final class PageFetch {

    private static final ExecutorService FETCHERS =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread t = new Thread(r, "strongroom-sync-fetch");
                        t.setDaemon(true);
                        return t;
                    });

    private final CompletableFuture<ChangesResponse> page;

    private PageFetch(CompletableFuture<ChangesResponse> page) {
        this.page = page;
    }

    static PageFetch start(SyncApi api, String vaultId, long since, int limit) {
        return new PageFetch(
                CompletableFuture.supplyAsync(() -> api.changes(vaultId, since, limit), FETCHERS));
    }

    /** The page, or the exception the fetch threw (unwrapped). */
    ChangesResponse join() {
        try {
            return page.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** The caller failed: the page is not wanted (a fetch in flight finishes on its own). */
    void abandon() {
        page.cancel(false);
    }
}
