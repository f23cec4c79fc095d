package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

/** {@code PUT /api/v1/vaults/{vaultId}/metadata}: check-and-set of the encrypted vault metadata. */
public record UpdateVaultMetadataRequest(Long expectedRevision, byte[] metadata) {
    public UpdateVaultMetadataRequest {
        present(expectedRevision, "expectedRevision");
        present(metadata, "metadata");
    }
}
