package dev.strongroom.client.api;

/**
 * Not authenticated (401): the session token is unknown, revoked or expired, or a login proof did
 * not verify. For a login, {@code WrongPasswordException} is thrown instead.
 */
public final class AuthenticationException extends ApiException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(int status, String wireCode, String serverMessage) {
        super(status, wireCode, serverMessage);
    }
}
