package dev.strongroom.client.recovery;

/**
 * A break-glass step that cannot go ahead: bad words, shares of another split, too few approvals,
 * an approval that does not verify or is bound to another request, a share sealed to another key.
 * The message is one plain sentence without secrets; nothing was opened or stored.
 */
public final class RecoveryException extends RuntimeException {

    public RecoveryException(String message) {
        super(message);
    }

    public RecoveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
