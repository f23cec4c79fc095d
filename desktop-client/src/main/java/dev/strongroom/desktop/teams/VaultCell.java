package dev.strongroom.desktop.teams;

import dev.strongroom.client.vault.VaultInfo;
import javafx.scene.control.ListCell;

/** A team vault in the list: name, key version and this account's permission. */
final class VaultCell extends ListCell<VaultInfo> {
    @Override
    protected void updateItem(VaultInfo v, boolean empty) {
        super.updateItem(v, empty);
        String text =
                empty || v == null
                        ? null
                        : v.name() + " · key v" + v.keyVersion() + " · you: " + v.permission();
        setText(text);
        setAccessibleText(text);
    }
}
