package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

import java.util.UUID;

/**
 * {@code POST /api/v1/vaults/{vaultId}/items}: revision 1 of a new item: the item key wrapped under
 * the vault key of {@code keyVersion} (the vault's current one), the content ciphertext, and the
 * author's signature over the shared-model ItemRevision at {@code logSeq}.
 */
public record CreateItemRequest(
        UUID itemId,
        Integer keyVersion,
        byte[] itemKeyWrap,
        byte[] content,
        byte[] signature,
        Long logSeq) {
    public CreateItemRequest {
        present(itemId, "itemId");
        present(keyVersion, "keyVersion");
        present(itemKeyWrap, "itemKeyWrap");
        present(content, "content");
        present(signature, "signature");
        present(logSeq, "logSeq");
    }
}
