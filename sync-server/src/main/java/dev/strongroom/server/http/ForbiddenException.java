package dev.strongroom.server.http;

import dev.strongroom.model.api.ErrorCode;

/** The caller is authenticated but may not do this to an object it can see (403). */
public final class ForbiddenException extends ApiException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        this(ErrorCode.FORBIDDEN, message);
    }

    public ForbiddenException(ErrorCode code, String message) {
        super(code, message);
        if (code.status() != 403) {
            throw new IllegalArgumentException("not a 403 code: " + code);
        }
    }
}
