package dev.strongroom.server.db;

import dev.strongroom.server.audit.AuditEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one writer thread runs the write transactions of concurrent requests together.
 * While one batch commits (one fsync on SQLite, one WAL flush on PostgreSQL), new writes queue up;
 * the next batch takes them all, runs each in a savepoint of one transaction (a write that fails
 * rolls back to its savepoint alone, exactly as its own transaction would have), then appends the
 * audit events of the writes that succeeded, in queue order and in one go (so the hash chain stays
 * one exact sequence and takes its head lock once per batch), then commits once. Each caller is
 * answered only after the commit of its batch returned, so an acknowledged write is as durable as
 * before, at the cost of one commit per batch instead of one per request.
 */
final class GroupCommit {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final int MAX_BATCH = 256;
    private static final int ATTEMPTS = 4;

    /** Detached writes allowed in flight before submitting one waits (bounds memory). */
    private static final int MAX_DETACHED = 4096;

    /** Opens and prepares the writer's connection for one batch. */
    @FunctionalInterface
    interface Connector {
        Connection open() throws SQLException;
    }

    /** Runs one write's work inside the batch transaction, adding the audit events it records. */
    @FunctionalInterface
    interface Step {
        Object run(Connection c, List<AuditEvent> audit) throws SQLException;
    }

    /** Appends the batch's audit events, in order, just before the commit. */
    @FunctionalInterface
    interface BatchEnd {
        void run(Connection c, List<AuditEvent> events) throws SQLException;
    }

    private static final class Job {
        final Step step; // null: an audit record alone, which has no work that could fail
        final List<AuditEvent> events = new ArrayList<>();
        final CompletableFuture<Object> done = new CompletableFuture<>();
        Object result;
        Throwable failure;

        Job(Step step) {
            this.step = step;
        }
    }

    private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final java.util.concurrent.Semaphore detached =
            new java.util.concurrent.Semaphore(MAX_DETACHED);
    private final Connector connector;
    private final BatchEnd batchEnd;
    private final Thread thread;
    private volatile boolean running = true;
    private final java.util.concurrent.atomic.AtomicLong batches =
            new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong writes =
            new java.util.concurrent.atomic.AtomicLong();

    GroupCommit(String name, Connector connector, BatchEnd batchEnd) {
        this.connector = connector;
        this.batchEnd = batchEnd;
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a write and waits until its batch committed; rethrows what the work threw. */
    Object submit(Step step) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("a write inside a write would wait for itself");
        }
        if (!running) {
            throw new DatabaseException("database is closed", null);
        }
        Job job = new Job(step);
        queue.add(job);
        try {
            return job.done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("interrupted waiting for a write", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new DatabaseException("write failed", cause);
        }
    }

    /**
     * Queues a write without waiting for its commit. It joins the chain of writes in queue order
     * like any other and commits with its batch; a failure is only logged, since nobody waits. When
     * {@link #MAX_DETACHED} are in flight, the caller waits for room (back-pressure).
     */
    void submitDetached(AuditEvent event) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("a write inside a write would wait for itself");
        }
        if (!running) {
            throw new DatabaseException("database is closed", null);
        }
        detached.acquireUninterruptibly();
        Job job = new Job(null);
        job.events.add(event);
        job.done.whenComplete(
                (r, e) -> {
                    detached.release();
                    if (e != null) {
                        LOG.error("detached write failed: {}", e.getClass().getSimpleName());
                    }
                });
        queue.add(job);
    }

    /** Waits until every write queued so far has committed (the queue is first in, first out). */
    void flush() {
        if (detached.availablePermits() < MAX_DETACHED) {
            submit((c, audit) -> null);
        }
    }

    private void loop() {
        List<Job> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Job first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                batches.incrementAndGet();
                writes.addAndGet(batch.size());
                runBatch(batch);
            } catch (InterruptedException e) {
                // close() interrupts only after running is false; finish what is queued
            } catch (RuntimeException | Error e) {
                LOG.error("group commit writer fault: {}", e.getClass().getSimpleName(), e);
                batch.forEach(j -> j.done.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Runs the batch in one transaction, retrying the whole batch on transient contention (SQLite
     * busy from another process, a PostgreSQL deadlock or serialization failure at commit).
     */
    private void runBatch(List<Job> batch) {
        List<Job> live = new ArrayList<>(batch);
        for (int attempt = 1; !live.isEmpty(); attempt++) {
            try (Connection c = connector.open()) {
                try {
                    List<AuditEvent> events = new ArrayList<>();
                    for (Job job : live) {
                        if (job.step != null) {
                            runInSavepoint(c, job);
                        }
                        if (job.failure == null) {
                            events.addAll(job.events);
                        }
                    }
                    batchEnd.run(c, events);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    throw e;
                }
                // failures are answered only now: a refusal may rest on an earlier job's write
                for (Job j : live) {
                    if (j.failure == null) {
                        j.done.complete(j.result);
                    } else {
                        j.done.completeExceptionally(j.failure);
                    }
                }
                return;
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && DbErrors.isTransient(e)) {
                    LOG.debug("transient batch failure, retrying (attempt {})", attempt);
                    continue;
                }
                DatabaseException failure = new DatabaseException("write failed", e);
                live.forEach(j -> j.done.completeExceptionally(failure));
                return;
            }
        }
    }

    /**
     * One job in its own savepoint: on success its writes stay for the batch commit; on failure
     * they are rolled back alone and the failure kept for its caller. A transient error of the job
     * itself is retried in a fresh savepoint.
     */
    private static void runInSavepoint(Connection c, Job job) throws SQLException {
        job.result = null;
        job.failure = null;
        for (int attempt = 1; ; attempt++) {
            job.events.clear();
            Savepoint sp = c.setSavepoint();
            try {
                job.result = job.step.run(c, job.events);
                c.releaseSavepoint(sp);
                return;
            } catch (SQLException e) {
                c.rollback(sp);
                c.releaseSavepoint(sp);
                if (attempt < ATTEMPTS && DbErrors.isTransient(e)) {
                    continue;
                }
                job.failure = new DatabaseException("write failed", e);
                return;
            } catch (RuntimeException | Error e) {
                c.rollback(sp);
                c.releaseSavepoint(sp);
                job.failure = e;
                return;
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Batches committed and writes submitted so far (benchmarks report writes per batch). */
    long[] counts() {
        return new long[] {batches.get(), writes.get()};
    }

    /** Finishes the queued writes, then stops the writer thread. */
    void close() {
        running = false;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Job left;
        while ((left = queue.poll()) != null) {
            left.done.completeExceptionally(new DatabaseException("database is closed", null));
        }
    }
}
