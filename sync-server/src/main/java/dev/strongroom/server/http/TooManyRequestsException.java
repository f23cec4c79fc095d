package dev.strongroom.server.http;

import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.api.ErrorResponse;

/** Rate limited (429); the body and the Retry-After header say how long to wait. */
public final class TooManyRequestsException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public TooManyRequestsException(String message, long retryAfterSeconds) {
        super(ErrorCode.RATE_LIMITED, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public ErrorResponse body() {
        return ErrorResponse.rateLimited(getMessage(), retryAfterSeconds);
    }
}
