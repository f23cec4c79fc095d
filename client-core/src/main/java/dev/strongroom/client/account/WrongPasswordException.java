package dev.strongroom.client.account;

/**
 * The email or master password is wrong. The server answers the same for an unknown email, so the
 * message cannot say which. Front ends map it to "authentication failed" (CLI exit code 3).
 */
public final class WrongPasswordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WrongPasswordException(Throwable cause) {
        super("email or master password is wrong", cause);
    }

    public WrongPasswordException(String message, Throwable cause) {
        super(message, cause);
    }
}
