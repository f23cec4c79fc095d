package dev.strongroom.client.exposure;

import java.util.List;

/**
 * One item a principal who lost access could decrypt: the item revisions whose key version they
 * held ({@code revisions}, ascending), when they lost access ({@code lostAtSeq}, the log entry),
 * and where it stands. {@code reason} is the dismissal reason, or null.
 */
public record ExposureFinding(
        String teamId,
        String vaultId,
        String itemId,
        String principalId,
        String principalEmail,
        long lostAtSeq,
        List<Long> revisions,
        Status status,
        String reason) {

    public ExposureFinding {
        revisions = List.copyOf(revisions);
    }

    /** Where a finding stands. */
    public enum Status {
        /** The secret is still the one they could read: rotate it (change the secret). */
        MUST_ROTATE,
        /** A later revision changed a secret field. */
        ROTATED,
        /** Someone on this device decided it needs no rotation, with a reason. */
        DISMISSED
    }

    /** The id used to dismiss it: vault, item and principal. */
    public String ref() {
        return vaultId + "/" + itemId + "/" + principalId;
    }

    /** True while it still asks for action. */
    public boolean open() {
        return status == Status.MUST_ROTATE;
    }
}
