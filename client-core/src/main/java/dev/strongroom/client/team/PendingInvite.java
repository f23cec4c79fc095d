package dev.strongroom.client.team;

import dev.strongroom.crypto.common.Bytes;

/**
 * An invite by one-time code this account just created. {@link #code()} is what the inviter hands
 * over (in person, by phone, never through the server); {@link #close()} wipes it.
 */
public record PendingInvite(String inviteId, String teamId, String email, char[] code)
        implements AutoCloseable {

    @Override
    public void close() {
        Bytes.wipe(code);
    }

    @Override
    public String toString() {
        return "PendingInvite[" + inviteId + " for " + email + ", code redacted]";
    }
}
