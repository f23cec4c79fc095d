package dev.strongroom.client.api;

/** No such object, or one the caller may not see (404; the server answers the same for both). */
public final class NotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(int status, String wireCode, String serverMessage) {
        super(status, wireCode, serverMessage);
    }
}
