package dev.strongroom.desktop.items;

import dev.strongroom.client.item.ItemType;

/**
 * What the item list shows of one item: names and labels only, never a secret, so ten thousand of
 * them can sit in memory while the decrypted items themselves are opened one at a time.
 */
public record ItemSummary(
        String vaultId,
        String itemId,
        String vaultName,
        ItemType type,
        String name,
        String username,
        boolean pending) {

    /** {@code vaultId/itemId}: the id used by search and rotation reports. */
    public String ref() {
        return ref(vaultId, itemId);
    }

    static String ref(String vaultId, String itemId) {
        return vaultId + "/" + itemId;
    }

    /** The second line of a list row: the username, else the type. */
    public String subtitle() {
        String kind = TypeNames.of(type);
        return username == null || username.isBlank() ? kind : username + " · " + kind;
    }
}
