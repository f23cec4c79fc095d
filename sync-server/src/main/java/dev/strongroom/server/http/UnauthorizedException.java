package dev.strongroom.server.http;

import dev.strongroom.model.api.ErrorCode;

/** The caller is not authenticated, or its credentials failed (401). */
public final class UnauthorizedException extends ApiException {
    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String message) {
        this(ErrorCode.UNAUTHENTICATED, message);
    }

    public UnauthorizedException(ErrorCode code, String message) {
        super(code, message);
        if (code.status() != 401) {
            throw new IllegalArgumentException("not a 401 code: " + code);
        }
    }
}
