package dev.strongroom.server.http;

import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.api.ErrorResponse;

/**
 * The request conflicts with the current state (409): an id already taken, or a check-and-set on a
 * revision that is no longer current, in which case the body carries the current revision.
 */
public final class ConflictException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final Long currentRevision;

    public ConflictException(ErrorCode code, String message) {
        super(code, message);
        if (code.status() != 409) {
            throw new IllegalArgumentException("not a 409 code: " + code);
        }
        this.currentRevision = null;
    }

    private ConflictException(String message, long currentRevision) {
        super(ErrorCode.REVISION_CONFLICT, message);
        this.currentRevision = currentRevision;
    }

    /** A check-and-set mismatch. */
    public static ConflictException revision(String message, long currentRevision) {
        return new ConflictException(message, currentRevision);
    }

    @Override
    public ErrorResponse body() {
        return currentRevision == null
                ? super.body()
                : ErrorResponse.conflict(getMessage(), currentRevision);
    }
}
