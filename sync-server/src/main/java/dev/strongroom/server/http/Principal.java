package dev.strongroom.server.http;

import dev.strongroom.server.audit.Actor;
import java.util.UUID;

/** The authenticated caller of a request: an account (through a session) or a machine account. */
public record Principal(String kind, UUID id, UUID sessionId) {

    public static Principal account(UUID accountId, UUID sessionId) {
        return new Principal(Actor.ACCOUNT, accountId, sessionId);
    }

    public boolean isAccount() {
        return Actor.ACCOUNT.equals(kind);
    }

    public Actor actor(String address) {
        return new Actor(kind, id.toString(), address);
    }
}
