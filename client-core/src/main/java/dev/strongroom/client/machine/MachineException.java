package dev.strongroom.client.machine;

/**
 * A machine-account request this client refuses before anything is sent: a bad name, grant or
 * expiry, a vault the admin does not hold, a token that is not this machine's. The message is one
 * plain line and never holds a secret.
 */
public final class MachineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MachineException(String message) {
        super(message);
    }
}
