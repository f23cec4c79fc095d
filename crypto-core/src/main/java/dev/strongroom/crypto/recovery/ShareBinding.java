package dev.strongroom.crypto.recovery;

import dev.strongroom.crypto.asym.X25519PublicKey;

/** Identifies one approver's sealed share: everything context R1 binds. */
public record ShareBinding(
        String teamId, int policyVersion, String approverId, X25519PublicKey approverKey) {}
