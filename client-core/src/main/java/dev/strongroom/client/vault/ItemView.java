package dev.strongroom.client.vault;

import dev.strongroom.client.item.ItemContent;

/**
 * One decrypted item revision. {@code pending} is true for a local edit not yet accepted by the
 * server. Close it to wipe the secrets it holds.
 */
public record ItemView(
        String vaultId,
        String itemId,
        long revision,
        boolean deleted,
        boolean pending,
        String authorId,
        ItemContent content)
        implements AutoCloseable {

    @Override
    public void close() {
        if (content != null) {
            content.close();
        }
    }
}
