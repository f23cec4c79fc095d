package dev.strongroom.server.http;

import dev.strongroom.model.api.ErrorCode;

/** The body is not declared as application/json (415). */
public final class UnsupportedMediaTypeException extends ApiException {
    private static final long serialVersionUID = 1L;

    public UnsupportedMediaTypeException(String message) {
        super(ErrorCode.UNSUPPORTED_MEDIA_TYPE, message);
    }
}
