package dev.strongroom.server.http;

import dev.strongroom.model.api.ErrorCode;

/** No such object, or one the caller may not see (404): both answer the same. */
public final class NotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        this(ErrorCode.NOT_FOUND, message);
    }

    public NotFoundException(ErrorCode code, String message) {
        super(code, message);
        if (code.status() != 404) {
            throw new IllegalArgumentException("not a 404 code: " + code);
        }
    }
}
