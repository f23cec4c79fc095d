package dev.strongroom.client.api;

import java.time.Duration;

/** Too many requests or failed logins (429); try again after {@link #retryAfter()}. */
public final class RateLimitedException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitedException(
            int status, String wireCode, String serverMessage, Duration retryAfter) {
        super(status, wireCode, serverMessage);
        this.retryAfter = retryAfter;
    }

    /** How long the server asks the client to wait (at least one second). */
    public Duration retryAfter() {
        return retryAfter;
    }
}
