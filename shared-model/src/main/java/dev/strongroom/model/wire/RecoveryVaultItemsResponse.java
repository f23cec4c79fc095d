package dev.strongroom.model.wire;

import java.util.List;
import java.util.UUID;

/**
 * {@code GET .../recovery/requests/{requestId}/vaults/{vaultId}/items?since=&limit=}: for the
 * requester of a released vault- or team-scope request, the vault's current item revisions
 * (tombstones included) after change sequence {@code since}, paged like vault changes (at most
 * 1000; ask again from {@code cursor} while {@code hasMore}). The requester usually has no grant on
 * the vault; this is how the recovered vault key reaches its items. {@code head} is the vault's
 * signed head read in the same snapshot as the page (absent while the vault has none): the
 * requester checks the items against it, so a server cannot withhold or roll back one unnoticed.
 */
public record RecoveryVaultItemsResponse(
        UUID vaultId,
        long cursor,
        boolean hasMore,
        List<ItemResponse> items,
        VaultHeadResponse head) {}
