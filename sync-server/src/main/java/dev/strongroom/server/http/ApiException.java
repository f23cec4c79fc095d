package dev.strongroom.server.http;

import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.api.ErrorResponse;

/**
 * A refusal the client caused, answered with a 4xx and the uniform error body. Messages are written
 * by the server for the client to read: they name fields and objects, never secrets, SQL or
 * internals. There is one subclass per status; no stack trace is captured (these are expected
 * outcomes, not faults).
 */
public abstract class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    protected ApiException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public int status() {
        return code.status();
    }

    /** The body sent to the client. */
    public ErrorResponse body() {
        return ErrorResponse.of(code, getMessage());
    }
}
