package dev.strongroom.model.wire;

import dev.strongroom.model.log.SignedLogEntry;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/v1/vaults/{vaultId}/changes?since=R}: everything in the vault that changed after
 * cursor R up to {@code cursor}: current item revisions (tombstones included), the caller's new
 * wraps, the head and metadata if they changed, and team log entries after {@code logAfter}. When
 * {@code hasMore}, ask again from {@code cursor}.
 */
public record ChangesResponse(
        UUID vaultId,
        long cursor,
        boolean hasMore,
        List<ItemResponse> items,
        List<VaultKeyWrap> wraps,
        VaultHeadResponse head,
        VaultSummary vault,
        List<SignedLogEntry> logEntries) {}
