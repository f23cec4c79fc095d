package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

/**
 * {@code POST /api/v1/vaults/{vaultId}/items/{itemId}/restore}: a new revision whose ciphertexts
 * are those of {@code fromRevision} (still in history), signed anew by the caller.
 */
public record RestoreItemRequest(
        Long fromRevision, Long expectedRevision, byte[] signature, Long logSeq) {
    public RestoreItemRequest {
        present(fromRevision, "fromRevision");
        present(expectedRevision, "expectedRevision");
        present(signature, "signature");
        present(logSeq, "logSeq");
    }
}
