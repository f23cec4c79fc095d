package dev.strongroom.desktop.sync;

import dev.strongroom.client.cache.PendingWrite;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.vault.ItemConflict;
import dev.strongroom.client.vault.ItemView;
import dev.strongroom.desktop.app.OpenAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the sync screens ask of client-core: the outbox and the conflicts with item and vault names
 * (never a secret), one conflict's two versions, and the resolutions. Worker thread only.
 */
final class SyncDesk {

    /** One edit waiting in the outbox. */
    record Queued(String item, String vault, Instant queuedAt) {}

    /** One conflict, named. */
    record Named(long conflictId, String item, String vault) {}

    /** The outbox and the conflicts as the dialog lists them. */
    record Snapshot(boolean offline, List<Queued> queued, List<Named> conflicts) {}

    private final OpenAccount account;

    SyncDesk(OpenAccount account) {
        this.account = account;
    }

    Snapshot snapshot() {
        List<Queued> queued = new ArrayList<>();
        for (PendingWrite w : account.outbox()) {
            queued.add(
                    new Queued(
                            itemName(w.vaultId(), w.itemId()),
                            vaultName(w.vaultId()),
                            w.createdAt()));
        }
        List<Named> conflicts = new ArrayList<>();
        for (ItemConflict c : account.conflictList()) {
            try {
                conflicts.add(new Named(c.conflictId(), nameOf(c), vaultName(c.vaultId())));
            } finally {
                close(c);
            }
        }
        return new Snapshot(account.isOffline(), queued, conflicts);
    }

    /** Both versions of one conflict (the caller closes them with {@link #close}). */
    Optional<ItemConflict> conflict(long conflictId) {
        Optional<ItemConflict> found = Optional.empty();
        for (ItemConflict c : account.conflictList()) {
            if (c.conflictId() == conflictId && found.isEmpty()) {
                found = Optional.of(c);
            } else {
                close(c);
            }
        }
        return found;
    }

    void keepMine(long conflictId) {
        account.vaults().keepMine(conflictId);
        account.sync();
    }

    void keepTheirs(long conflictId) {
        account.vaults().keepTheirs(conflictId);
        account.sync();
    }

    static String nameOf(ItemConflict c) {
        ItemContent any = c.mine() != null ? c.mine() : c.theirs();
        return any == null ? "(deleted item)" : any.name();
    }

    static void close(ItemConflict c) {
        if (c.mine() != null) {
            c.mine().close();
        }
        if (c.theirs() != null) {
            c.theirs().close();
        }
    }

    private String itemName(String vaultId, String itemId) {
        try {
            Optional<ItemView> view = account.vaults().get(vaultId, itemId);
            if (view.isEmpty() || view.get().content() == null) {
                return "(deleted item)";
            }
            try (ItemView v = view.get()) {
                return v.content().name();
            }
        } catch (RuntimeException e) {
            return itemId;
        }
    }

    private String vaultName(String vaultId) {
        try {
            return account.vaults().vault(vaultId).name();
        } catch (RuntimeException e) {
            return vaultId;
        }
    }
}
