package dev.strongroom.model.wire;

import java.util.UUID;

/** The stored signed head (the shared-model VaultHead fields plus signature). */
public record VaultHeadResponse(
        UUID vaultId,
        long counter,
        int keyVersion,
        byte[] itemsDigest,
        int itemCount,
        UUID authorId,
        long logSeq,
        byte[] signature,
        long changeSeq) {}
