package dev.strongroom.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One error: a stable code, a plain-text message that never contains secrets, stack traces or SQL,
 * and, only where it applies, the current revision (409 {@code revision_conflict}) or the seconds
 * to wait (429 {@code rate_limited}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorDetail(
        String code, String message, Long currentRevision, Long retryAfterSeconds) {}
