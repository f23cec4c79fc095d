package dev.strongroom.model.recovery;

/**
 * A recovery request or decision that does not verify: bad signature, wrong signer, not bound to
 * this request, outside the policy. {@link #code()} is stable for clients to map to alerts.
 */
public final class RecoveryVerificationException extends RuntimeException {

    private final String code;

    public RecoveryVerificationException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
