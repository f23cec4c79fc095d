package dev.strongroom.client.recovery;

import dev.strongroom.client.item.ItemContent;
import java.util.Map;

/**
 * A vault opened with the recovery key: its id, key version and live items by id (plaintext: the
 * caller closes it when done, which wipes every item's secrets).
 */
public record OpenedVault(String vaultId, int keyVersion, Map<String, ItemContent> items)
        implements AutoCloseable {

    public OpenedVault {
        items = Map.copyOf(items);
    }

    @Override
    public void close() {
        items.values().forEach(ItemContent::close);
    }

    @Override
    public String toString() {
        return "OpenedVault[" + vaultId + " v" + keyVersion + ", " + items.size() + " items]";
    }
}
