package dev.strongroom.client.session;

import dev.strongroom.client.api.BearerToken;
import java.util.UUID;

/**
 * How a session unlocked offline gets its server session later: a fresh login with the credentials
 * the unlock derived, kept (wiped by {@link #close()}) only until it succeeds. Implemented by the
 * account flows, which check everything the server answers as at any login.
 */
public interface ServerLogin extends AutoCloseable {

    /** A server session: the token and its id in the session list. */
    record Ticket(BearerToken token, UUID sessionId) {}

    /**
     * Logs in now.
     *
     * @throws dev.strongroom.client.api.ServerUnreachableException while the server is down
     */
    Ticket login();

    /** Wipes the kept credentials. Idempotent. */
    @Override
    void close();
}
