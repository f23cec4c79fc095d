package dev.strongroom.client.team;

/**
 * An invite code did not authenticate: no open invite for this account matches it (a mistyped or
 * wrong code, or an inviter key the server substituted). Nothing was sent or pinned.
 */
public final class InviteRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InviteRejectedException(String message) {
        super(message);
    }
}
