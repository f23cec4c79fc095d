package dev.strongroom.server.http;

import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.api.ErrorDetail;
import dev.strongroom.model.api.ErrorResponse;

/** The caller is not authenticated, or its credentials failed (401). */
public final class UnauthorizedException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** A 401 code outside {@link ErrorCode} (machine tokens: token_revoked, token_expired). */
    private final String wireCode;

    public UnauthorizedException(String message) {
        this(ErrorCode.UNAUTHENTICATED, message);
    }

    public UnauthorizedException(ErrorCode code, String message) {
        super(code, message);
        if (code.status() != 401) {
            throw new IllegalArgumentException("not a 401 code: " + code);
        }
        this.wireCode = null;
    }

    private UnauthorizedException(String wireCode, String message, boolean custom) {
        super(ErrorCode.UNAUTHENTICATED, message);
        this.wireCode = wireCode;
    }

    /** A 401 answered with a wire code of its own (see {@code MachineTokens}). */
    public static UnauthorizedException withCode(String wireCode, String message) {
        return new UnauthorizedException(wireCode, message, true);
    }

    @Override
    public ErrorResponse body() {
        if (wireCode == null) {
            return super.body();
        }
        return new ErrorResponse(new ErrorDetail(wireCode, getMessage(), null, null));
    }
}
