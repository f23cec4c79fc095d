package dev.strongroom.model.wire;

import java.util.UUID;

/**
 * One revision of an item, with everything a client needs to verify it (rebuild the shared-model
 * ItemRevision and check the author's signature and write permission at logSeq). {@code changeSeq}
 * is set for the current revision, null for history entries.
 */
public record ItemResponse(
        UUID itemId,
        UUID vaultId,
        long revision,
        int keyVersion,
        byte[] itemKeyWrap,
        byte[] content,
        boolean deleted,
        UUID authorId,
        long logSeq,
        byte[] signature,
        Long changeSeq,
        long updatedAt) {}
