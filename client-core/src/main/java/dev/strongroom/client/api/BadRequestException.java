package dev.strongroom.client.api;

/**
 * The request was refused as invalid (400, and 405, 413, 415): a client bug or input the server
 * does not accept.
 */
public final class BadRequestException extends ApiException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(int status, String wireCode, String serverMessage) {
        super(status, wireCode, serverMessage);
    }
}
