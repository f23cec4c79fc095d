package dev.strongroom.model.wire;

import dev.strongroom.model.recovery.SignedRecoveryMessage;

/** One approval as released to the requester: the signed decision and the R2-sealed share. */
public record RecoveryApprovalView(
        String approverId, SignedRecoveryMessage decision, byte[] sealedShare) {}
