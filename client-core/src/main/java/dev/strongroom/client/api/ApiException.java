package dev.strongroom.client.api;

import dev.strongroom.model.api.ErrorCode;
import java.util.Optional;

/**
 * The server answered with an error status and (normally) the uniform error body {@code
 * {"error":{"code":..,"message":..}}}. The subclass tells what kind of refusal it was (chosen by
 * the HTTP status, so a code this client does not know still lands in the right place); {@link
 * #code()} gives the exact code when this client knows it.
 *
 * <p>The server's message is untrusted text: it is shortened and stripped of control characters
 * before it becomes part of {@link #getMessage()}.
 */
public abstract class ApiException extends ServerException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String wireCode;
    private final String serverMessage;

    protected ApiException(int status, String wireCode, String serverMessage) {
        super(describe(status, wireCode, serverMessage));
        this.status = status;
        this.wireCode = wireCode;
        this.serverMessage = serverMessage;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The error code as sent (sanitised), e.g. {@code login_failed}; "unknown" without a body. */
    public String wireCode() {
        return wireCode;
    }

    /** The code as this client's enum, empty for a code it does not know. */
    public Optional<ErrorCode> code() {
        return ErrorCode.fromCode(wireCode);
    }

    /** True when {@link #code()} is the given code. */
    public boolean is(ErrorCode expected) {
        return expected.code().equals(wireCode);
    }

    /** The server's message, sanitised. */
    public String serverMessage() {
        return serverMessage;
    }

    private static String describe(int status, String wireCode, String serverMessage) {
        return serverMessage + " (" + wireCode + ", HTTP " + status + ")";
    }
}
