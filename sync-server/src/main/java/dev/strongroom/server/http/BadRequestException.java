package dev.strongroom.server.http;

import dev.strongroom.model.api.ErrorCode;

/** The request is malformed or invalid (400). */
public final class BadRequestException extends ApiException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        this(ErrorCode.INVALID_REQUEST, message);
    }

    public BadRequestException(ErrorCode code, String message) {
        super(code, message);
        if (code.status() != 400) {
            throw new IllegalArgumentException("not a 400 code: " + code);
        }
    }
}
