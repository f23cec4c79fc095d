package dev.strongroom.client.vault;

import dev.strongroom.client.item.ItemType;
import dev.strongroom.client.search.SearchDocument;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a listing shows of one live item, without any secret value: where it is, its revision,
 * whether it is a local edit not yet accepted ({@code pending}), and the searchable metadata of its
 * decrypted content (name, type, folder, tags, username, URLs, field names) with its modification
 * time. Unlike an {@link ItemView} it holds nothing to wipe.
 */
public record ItemSummary(
        String vaultId,
        String itemId,
        long revision,
        boolean pending,
        String authorId,
        SearchDocument document,
        Instant modified) {

    public ItemSummary {
        Objects.requireNonNull(vaultId, "vaultId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(modified, "modified");
    }

    public String name() {
        return document.name();
    }

    public ItemType type() {
        return document.type();
    }

    /** The folder path, or null. */
    public String folder() {
        return document.folder();
    }

    public List<String> tags() {
        return document.tags();
    }
}
