package dev.strongroom.client.api;

/**
 * The server failed (5xx), or answered with a status the protocol does not use. Retrying later may
 * help.
 */
public final class ServerFaultException extends ApiException {
    private static final long serialVersionUID = 1L;

    public ServerFaultException(int status, String wireCode, String serverMessage) {
        super(status, wireCode, serverMessage);
    }
}
