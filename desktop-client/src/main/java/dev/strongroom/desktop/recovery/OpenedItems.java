package dev.strongroom.desktop.recovery;

import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.recovery.OpenedVault;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What one combine opened: the vaults' items as plaintext, for the requester to read and copy from.
 * It is the only owner of that plaintext: {@link #close()} wipes every item's secrets (the combine
 * view closes it when its window hides, on lock and before the next combine). Made on the worker,
 * then used and closed on the FX thread only.
 */
final class OpenedItems implements AutoCloseable {

    private final List<OpenedVault> vaults;
    private final List<OpenedItem> items;
    private final List<String> summary;
    private volatile boolean closed;

    private OpenedItems(List<OpenedVault> vaults, List<OpenedItem> items, List<String> summary) {
        this.vaults = vaults;
        this.items = items;
        this.summary = summary;
    }

    /**
     * Takes ownership of {@code vaults} (closed here if anything fails); {@code vaultName} turns a
     * vault id into what the user sees.
     */
    static OpenedItems of(List<OpenedVault> vaults, UnaryOperator<String> vaultName) {
        try {
            List<OpenedItem> items = new ArrayList<>();
            List<String> summary = new ArrayList<>();
            for (OpenedVault v : vaults) {
                String name = vaultName.apply(v.vaultId());
                summary.add(name + ": " + v.items().size() + " item(s) opened");
                for (Map.Entry<String, ItemContent> e : v.items().entrySet()) {
                    items.add(new OpenedItem(name, e.getKey(), e.getValue()));
                }
            }
            items.sort(
                    Comparator.comparing(
                                    (OpenedItem i) -> i.content().name().toLowerCase(Locale.ROOT))
                            .thenComparing(OpenedItem::vaultName));
            return new OpenedItems(List.copyOf(vaults), List.copyOf(items), List.copyOf(summary));
        } catch (RuntimeException e) {
            vaults.forEach(OpenedVault::close);
            throw e;
        }
    }

    /** The items, sorted by name; empty once closed. */
    List<OpenedItem> items() {
        return closed ? List.of() : items;
    }

    /** One line per opened vault: its name and how many items it held. */
    List<String> summary() {
        return summary;
    }

    boolean isClosed() {
        return closed;
    }

    /** Wipes every opened item's secrets; safe to call again. */
    @Override
    public void close() {
        closed = true;
        vaults.forEach(OpenedVault::close);
    }

    @Override
    public String toString() {
        return "OpenedItems[" + vaults.size() + " vault(s), " + items.size() + " item(s)]";
    }
}
