package dev.strongroom.model.wire;

import java.util.List;
import java.util.UUID;

/**
 * {@code GET .../recovery/requests/{requestId}/vaults/{vaultId}/items?since=&limit=}: for the
 * requester of a released vault- or team-scope request, the vault's current item revisions
 * (tombstones included) after change sequence {@code since}, paged like vault changes (at most
 * 1000; ask again from {@code cursor} while {@code hasMore}). The requester usually has no grant on
 * the vault; this is how the recovered vault key reaches its items.
 */
public record RecoveryVaultItemsResponse(
        UUID vaultId, long cursor, boolean hasMore, List<ItemResponse> items) {}
