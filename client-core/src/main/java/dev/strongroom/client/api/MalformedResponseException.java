package dev.strongroom.client.api;

/**
 * The server's reply is not what the protocol allows: not JSON, unknown or duplicate fields, a
 * missing field, a wrong type, trailing content, a wrong content type, an unexpected status, or a
 * body over the size cap. Server replies are untrusted input, so none of it is used. The message
 * names the request and the kind of problem, never the reply's content.
 */
public final class MalformedResponseException extends ServerException {
    private static final long serialVersionUID = 1L;

    public MalformedResponseException(String message) {
        super(message);
    }

    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
