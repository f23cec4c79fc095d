package dev.strongroom.server.http;

import dev.strongroom.model.api.ErrorCode;

/** The body or one of its blobs is over the configured limit (413). */
public final class PayloadTooLargeException extends ApiException {
    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(String message) {
        this(ErrorCode.PAYLOAD_TOO_LARGE, message);
    }

    public PayloadTooLargeException(ErrorCode code, String message) {
        super(code, message);
        if (code.status() != 413) {
            throw new IllegalArgumentException("not a 413 code: " + code);
        }
    }
}
