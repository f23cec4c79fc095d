package dev.strongroom.server.http;

import dev.strongroom.server.audit.Actor;
import java.util.UUID;

/**
 * The authenticated caller of a request: an account (through a session) or a machine account
 * (through its API secret; {@code teamId} is the one team it belongs to).
 */
public record Principal(String kind, UUID id, UUID sessionId, UUID teamId) {

    public static Principal account(UUID accountId, UUID sessionId) {
        return new Principal(Actor.ACCOUNT, accountId, sessionId, null);
    }

    public static Principal machine(UUID machineId, UUID teamId) {
        return new Principal(Actor.MACHINE, machineId, null, teamId);
    }

    public boolean isAccount() {
        return Actor.ACCOUNT.equals(kind);
    }

    public boolean isMachine() {
        return Actor.MACHINE.equals(kind);
    }

    public Actor actor(String address) {
        return new Actor(kind, id.toString(), address);
    }
}
