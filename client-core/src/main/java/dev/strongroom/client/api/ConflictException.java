package dev.strongroom.client.api;

import java.util.OptionalLong;

/**
 * A conflict (409): the object already exists, or a check-and-set found another revision than the
 * expected one, in which case {@link #currentRevision()} carries the revision the server holds now.
 */
public final class ConflictException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final Long currentRevision;

    public ConflictException(
            int status, String wireCode, String serverMessage, Long currentRevision) {
        super(status, wireCode, serverMessage);
        this.currentRevision = currentRevision;
    }

    /** The server's current revision for a {@code revision_conflict}; empty otherwise. */
    public OptionalLong currentRevision() {
        return currentRevision == null ? OptionalLong.empty() : OptionalLong.of(currentRevision);
    }
}
