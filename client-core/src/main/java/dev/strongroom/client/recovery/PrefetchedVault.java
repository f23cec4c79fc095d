package dev.strongroom.client.recovery;

import dev.strongroom.client.cache.VaultHeadPin;
import java.util.Map;
import java.util.Optional;

/**
 * A vault of a request's scope read before the release: the server serves a scope's items from one
 * approval short of the threshold on, so the requester's client checks every item's signature and
 * the vault's signed head while the last approval (or the delay) is awaited. All ciphertext: no key
 * exists yet. At the release only what changed since {@code cursor} is read and checked, the whole
 * is checked again against the then current head (which must not be older than this one), and the
 * items are opened.
 */
public final class PrefetchedVault {

    private final String vaultId;
    private final long cursor;
    private final Map<String, ItemPass.Checked> items;
    private final Optional<VaultHeadPin> head;

    PrefetchedVault(
            String vaultId,
            long cursor,
            Map<String, ItemPass.Checked> items,
            Optional<VaultHeadPin> head) {
        this.vaultId = vaultId;
        this.cursor = cursor;
        this.items = Map.copyOf(items);
        this.head = head;
    }

    public String vaultId() {
        return vaultId;
    }

    /** Where the server's item pages stopped: the release reads from here on. */
    public long cursor() {
        return cursor;
    }

    /** How many items (tombstones included) were checked ahead. */
    public int itemCount() {
        return items.size();
    }

    Map<String, ItemPass.Checked> items() {
        return items;
    }

    Optional<VaultHeadPin> head() {
        return head;
    }

    @Override
    public String toString() {
        return "PrefetchedVault[" + vaultId + ", " + items.size() + " items]";
    }
}
