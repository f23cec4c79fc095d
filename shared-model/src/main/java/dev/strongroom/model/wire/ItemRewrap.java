package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

import java.util.UUID;

/**
 * Part of a key rotation: a new revision of one item whose item key is re-wrapped under the new
 * vault key version (content unchanged), signed by the rotating member like any revision.
 */
public record ItemRewrap(UUID itemId, Long expectedRevision, byte[] itemKeyWrap, byte[] signature) {
    public ItemRewrap {
        present(itemId, "itemId");
        present(expectedRevision, "expectedRevision");
        present(itemKeyWrap, "itemKeyWrap");
        present(signature, "signature");
    }
}
