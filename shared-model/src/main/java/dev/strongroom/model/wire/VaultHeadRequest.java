package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

/** {@code PUT /api/v1/vaults/{vaultId}/head}: a signed head; the counter must grow. */
public record VaultHeadRequest(
        Long counter,
        Integer keyVersion,
        byte[] itemsDigest,
        Integer itemCount,
        Long logSeq,
        byte[] signature) {
    public VaultHeadRequest {
        present(counter, "counter");
        present(keyVersion, "keyVersion");
        present(itemsDigest, "itemsDigest");
        present(itemCount, "itemCount");
        present(logSeq, "logSeq");
        present(signature, "signature");
    }
}
