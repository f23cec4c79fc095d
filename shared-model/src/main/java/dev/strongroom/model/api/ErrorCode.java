package dev.strongroom.model.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every error the server can answer, with its HTTP status and the stable snake_case code that
 * clients switch on. Messages are for people; codes are for programs.
 */
public enum ErrorCode {
    MALFORMED_JSON(400, "malformed_json"),
    INVALID_REQUEST(400, "invalid_request"),
    UNKNOWN_FIELD(400, "unknown_field"),
    MISSING_FIELD(400, "missing_field"),
    WRONG_TYPE(400, "wrong_type"),
    INVALID_ID(400, "invalid_id"),
    KDF_PARAMETERS_REJECTED(400, "kdf_parameters_rejected"),
    UNAUTHENTICATED(401, "unauthenticated"),
    SESSION_EXPIRED(401, "session_expired"),
    LOGIN_FAILED(401, "login_failed"),
    FORBIDDEN(403, "forbidden"),
    NOT_FOUND(404, "not_found"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed"),
    ALREADY_EXISTS(409, "already_exists"),
    REVISION_CONFLICT(409, "revision_conflict"),
    CONFLICT(409, "conflict"),
    PAYLOAD_TOO_LARGE(413, "payload_too_large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
    RATE_LIMITED(429, "rate_limited"),
    INTERNAL_ERROR(500, "internal_error"),
    UNAVAILABLE(503, "unavailable");

    private final int status;
    private final String code;

    ErrorCode(int status, String code) {
        this.status = status;
        this.code = code;
    }

    /** HTTP status the server answers with. */
    public int status() {
        return status;
    }

    /** The wire code, e.g. {@code revision_conflict}. */
    public String code() {
        return code;
    }

    /** The constant for a wire code, empty for a code this client version does not know. */
    public static Optional<ErrorCode> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
