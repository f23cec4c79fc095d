package dev.strongroom.model.wire;

import java.util.UUID;

/** An approver's own sealed share (R1) of the current policy; nobody else's is ever served. */
public record RecoveryShareResponse(
        UUID teamId, int policyVersion, String approverId, byte[] sealedShare) {}
