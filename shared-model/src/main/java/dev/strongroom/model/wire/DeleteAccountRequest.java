package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

/** {@code POST /api/v1/account/delete}: deleting needs a fresh proof of the master password. */
public record DeleteAccountRequest(SrpProof proof) {
    public DeleteAccountRequest {
        present(proof, "proof");
    }
}
