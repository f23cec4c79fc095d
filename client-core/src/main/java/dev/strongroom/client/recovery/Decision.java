package dev.strongroom.client.recovery;

import dev.strongroom.model.recovery.SignedRecoveryMessage;

/**
 * One approver's signed decision on a request, with (for an approval) their share re-sealed to the
 * request's ephemeral key (R2), whose SHA-256 the signed decision names. {@code resealedShare} is
 * null for a denial or a veto.
 */
public record Decision(SignedRecoveryMessage signed, byte[] resealedShare) {

    public Decision {
        resealedShare = resealedShare == null ? null : resealedShare.clone();
    }

    @Override
    public byte[] resealedShare() {
        return resealedShare == null ? null : resealedShare.clone();
    }
}
