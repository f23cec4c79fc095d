package dev.strongroom.server.http;

import dev.strongroom.model.api.ErrorCode;

/** Counts requests inside endpoints so that shutdown can wait for them. */
final class InFlight {

    private int active;
    private boolean draining;

    /** Runs one request's endpoint, or refuses it with 503 once draining has begun. */
    void run(Work work) throws Exception {
        synchronized (this) {
            if (draining) {
                throw new ServiceUnavailable();
            }
            active++;
        }
        try {
            work.run();
        } finally {
            synchronized (this) {
                active--;
                notifyAll();
            }
        }
    }

    /** Stops admitting requests and waits until none is active or the timeout passes. */
    synchronized void drain(long timeoutMs) {
        draining = true;
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (active > 0) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One request's work. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    /** The server is shutting down. */
    static final class ServiceUnavailable extends ApiException {
        private static final long serialVersionUID = 1L;

        ServiceUnavailable() {
            super(ErrorCode.UNAVAILABLE, "server is shutting down");
        }
    }
}
