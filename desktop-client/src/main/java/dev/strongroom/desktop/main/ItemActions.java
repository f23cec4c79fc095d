package dev.strongroom.desktop.main;

import dev.strongroom.client.item.ItemType;
import dev.strongroom.client.vault.VaultInfo;
import dev.strongroom.desktop.app.AppContext;
import dev.strongroom.desktop.app.OpenAccount;
import dev.strongroom.desktop.items.DetailController;
import dev.strongroom.desktop.items.EditorDialog;
import dev.strongroom.desktop.items.HistoryDialog;
import dev.strongroom.desktop.items.ItemCatalog;
import dev.strongroom.desktop.items.ItemSummary;
import dev.strongroom.desktop.items.TypeNames;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/**
 * What the main window does to items: new, edit, history and delete, each opening its dialog and
 * reporting the changed item back so the list re-reads just that one.
 */
final class ItemActions {

    private final AppContext context;
    private final OpenAccount account;
    private final DetailController detail;
    private final Supplier<ItemCatalog> catalog;
    private final BiConsumer<String, String> changed;
    private final Consumer<String> status;

    ItemActions(
            AppContext context,
            OpenAccount account,
            DetailController detail,
            Supplier<ItemCatalog> catalog,
            BiConsumer<String, String> changed,
            Consumer<String> status) {
        this.context = context;
        this.account = account;
        this.detail = detail;
        this.catalog = catalog;
        this.changed = changed;
        this.status = status;
    }

    /** A new item of {@code type}, in {@code vaultId} when given (else the first vault). */
    void create(ItemType type, String vaultId) {
        ItemCatalog c = catalog.get();
        if (c == null) {
            return;
        }
        EditorDialog.create(context, account.vaults(), type, c.vaults(), vaultId, changed).show();
    }

    void edit() {
        ItemSummary s = detail.shownSummary();
        ItemCatalog c = catalog.get();
        if (s == null || detail.current() == null || c == null) {
            return;
        }
        if (!EditorDialog.canEdit(s.type())) {
            status.accept("Editing " + TypeNames.of(s.type()) + " items comes in a later version.");
            return;
        }
        VaultInfo vault =
                c.vaults().stream()
                        .filter(v -> v.vaultId().equals(s.vaultId()))
                        .findFirst()
                        .orElseThrow();
        EditorDialog.edit(context, account.vaults(), detail.current(), vault, changed).show();
    }

    void history() {
        ItemSummary s = detail.shownSummary();
        if (s != null) {
            new HistoryDialog(context, account.vaults(), s, changed).show();
        }
    }

    void delete() {
        ItemSummary s = detail.shownSummary();
        if (s == null) {
            return;
        }
        Alert confirm =
                new Alert(
                        Alert.AlertType.CONFIRMATION,
                        "Delete \""
                                + s.name()
                                + "\"? It disappears on every device; its old revisions stay in"
                                + " the vault's history.",
                        ButtonType.CANCEL,
                        ButtonType.OK);
        confirm.initOwner(context.stage());
        confirm.setHeaderText("Delete item");
        confirm.showAndWait()
                .filter(b -> b == ButtonType.OK)
                .ifPresent(
                        b -> {
                            detail.clear();
                            context.background()
                                    .run(
                                            () -> {
                                                account.vaults().delete(s.vaultId(), s.itemId());
                                                return s;
                                            },
                                            d -> changed.accept(d.vaultId(), d.itemId()),
                                            f -> status.accept("Not deleted: " + f.getMessage()));
                        });
    }
}
