package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

/**
 * One approver's share of the recovery private key, HPKE-sealed to them (CRYPTO.md R1). Its SHA-256
 * must equal the digest the signed set_recovery_policy entry names for {@code approverId}.
 */
public record RecoverySealedShare(String approverId, byte[] sealedShare) {
    public RecoverySealedShare {
        present(approverId, "approverId");
        present(sealedShare, "sealedShare");
    }
}
