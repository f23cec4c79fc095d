package dev.strongroom.model.api;

/**
 * The body of every error answer: {@code {"error":{"code":"snake_case","message":"plain text"}}},
 * plus optional fields for the two errors a client acts on programmatically.
 */
public record ErrorResponse(ErrorDetail error) {

    public static ErrorResponse of(ErrorCode code, String message) {
        return new ErrorResponse(new ErrorDetail(code.code(), message, null, null));
    }

    /** A check-and-set conflict, carrying the revision the server holds now. */
    public static ErrorResponse conflict(String message, long currentRevision) {
        return new ErrorResponse(
                new ErrorDetail(
                        ErrorCode.REVISION_CONFLICT.code(), message, currentRevision, null));
    }

    /** A rate-limit answer, carrying how long the client should wait. */
    public static ErrorResponse rateLimited(String message, long retryAfterSeconds) {
        return new ErrorResponse(
                new ErrorDetail(ErrorCode.RATE_LIMITED.code(), message, null, retryAfterSeconds));
    }
}
