package dev.strongroom.client.session;

/** The session was locked (or logged out): its keys are wiped; unlock or log in again. */
public final class SessionLockedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public SessionLockedException() {
        super("the session is locked; unlock or log in again");
    }
}
