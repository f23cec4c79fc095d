package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

/**
 * {@code POST /api/v1/account/password}: a proof with the current password, then the new KDF
 * parameters, SRP salt and verifier and the account key re-wrapped under the new key-encryption
 * key. Stored in one transaction; every other session is revoked.
 */
public record ChangePasswordRequest(
        SrpProof proof,
        KdfParams kdf,
        byte[] srpSalt,
        byte[] srpVerifier,
        byte[] wrappedAccountKey) {
    public ChangePasswordRequest {
        present(proof, "proof");
        present(kdf, "kdf");
        present(srpSalt, "srpSalt");
        present(srpVerifier, "srpVerifier");
        present(wrappedAccountKey, "wrappedAccountKey");
    }
}
