package dev.strongroom.model.wire;

import java.util.UUID;

/** A vault the caller may access: its team, current key version, the caller's permission. */
public record VaultSummary(
        UUID vaultId,
        UUID teamId,
        int keyVersion,
        String permission,
        long changeSeq,
        byte[] metadata,
        long metadataRevision) {}
