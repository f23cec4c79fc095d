package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

import java.util.UUID;

/**
 * SRP-6a step two: the client's public value A and its proof M1 for the login attempt {@code
 * loginId}. Also used to re-authenticate before changing the master password or deleting the
 * account, so a stolen session token alone cannot do either.
 */
public record SrpProof(UUID loginId, byte[] clientPublicA, byte[] clientProofM1) {
    public SrpProof {
        present(loginId, "loginId");
        present(clientPublicA, "clientPublicA");
        present(clientProofM1, "clientProofM1");
    }
}
