package dev.strongroom.client.api;

/** Authenticated but not allowed (403). */
public final class ForbiddenException extends ApiException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(int status, String wireCode, String serverMessage) {
        super(status, wireCode, serverMessage);
    }
}
