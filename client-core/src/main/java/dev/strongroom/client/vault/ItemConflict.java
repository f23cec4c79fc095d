package dev.strongroom.client.vault;

import dev.strongroom.client.item.ItemContent;

/**
 * An edit the server refused because someone else changed the item first. Both versions are kept
 * until the user resolves it with {@link VaultService#keepMine}, {@link VaultService#keepTheirs} or
 * {@link VaultService#resolveMerged}. {@code theirs} is null if the server's version is a
 * tombstone; {@code mine} is null if the local edit was a delete.
 */
public record ItemConflict(
        long conflictId,
        String vaultId,
        String itemId,
        long serverRevision,
        ItemContent mine,
        ItemContent theirs) {}
