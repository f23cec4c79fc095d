package dev.strongroom.client.recovery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs independent work on indices 0..n-1 on the calling thread and the common pool's workers, each
 * taking the next small chunk of indices until none are left. A parallel stream splits a list into
 * a few large leaves (a quarter of the items each on two cores), so a thread slowed by the JIT or
 * by another process leaves the other idle at the end; small chunks taken in turn keep every core
 * busy to the last one.
 */
final class Chunks {

    /** Items per chunk: small enough to balance, large enough that taking one costs nothing. */
    static final int SIZE = 32;

    private Chunks() {}

    /**
     * Calls {@code work} once for every index, in parallel when {@code parallel}. Returns when all
     * are done; an exception thrown by {@code work} is rethrown (its worker stops).
     */
    static void run(int n, boolean parallel, IntConsumer work) {
        AtomicInteger next = new AtomicInteger();
        Runnable worker =
                () -> {
                    for (int start = next.getAndAdd(SIZE);
                            start < n;
                            start = next.getAndAdd(SIZE)) {
                        for (int k = start; k < Math.min(n, start + SIZE); k++) {
                            work.accept(k);
                        }
                    }
                };
        if (!parallel) {
            worker.run();
            return;
        }
        ForkJoinPool pool = ForkJoinPool.commonPool();
        int helpers = Math.min(pool.getParallelism(), (n + SIZE - 1) / SIZE - 1);
        List<Future<?>> started = new ArrayList<>();
        for (int i = 0; i < helpers; i++) {
            started.add(pool.submit(worker));
        }
        RuntimeException failed = null;
        try {
            worker.run();
        } catch (RuntimeException e) {
            failed = e;
        }
        for (Future<?> f : started) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (failed == null) {
                    failed =
                            e.getCause() instanceof RuntimeException r
                                    ? r
                                    : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RecoveryException("interrupted while opening items");
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
