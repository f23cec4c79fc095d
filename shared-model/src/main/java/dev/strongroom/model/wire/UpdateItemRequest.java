package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

/**
 * {@code PUT /api/v1/vaults/{vaultId}/items/{itemId}}: the next revision, accepted only if the item
 * is still at {@code expectedRevision} (409 with the current revision otherwise). {@code deleted =
 * true} writes a tombstone, whose itemKeyWrap and content are empty.
 */
public record UpdateItemRequest(
        Long expectedRevision,
        Integer keyVersion,
        byte[] itemKeyWrap,
        byte[] content,
        Boolean deleted,
        byte[] signature,
        Long logSeq) {
    public UpdateItemRequest {
        present(expectedRevision, "expectedRevision");
        present(keyVersion, "keyVersion");
        present(itemKeyWrap, "itemKeyWrap");
        present(content, "content");
        present(deleted, "deleted");
        present(signature, "signature");
        present(logSeq, "logSeq");
    }
}
