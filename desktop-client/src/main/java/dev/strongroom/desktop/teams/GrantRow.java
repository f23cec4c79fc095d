package dev.strongroom.desktop.teams;

import dev.strongroom.client.vault.VaultInfo;
import dev.strongroom.model.log.Permission;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.layout.HBox;

/** One vault a new machine account may get: a check box and read or read-write. */
final class GrantRow extends HBox {

    private final VaultInfo vault;
    private final CheckBox include = new CheckBox();
    private final ChoiceBox<Permission> permission = new ChoiceBox<>();

    GrantRow(VaultInfo vault) {
        super(8);
        this.vault = vault;
        include.setText(vault.name());
        include.setId("grant-" + vault.name());
        include.setAccessibleText("Give the machine account access to " + vault.name());
        permission.getItems().setAll(Permission.values());
        permission.setConverter(Labels.permissions());
        permission.setValue(Permission.READ);
        permission.setAccessibleText("Permission on " + vault.name());
        permission.disableProperty().bind(include.selectedProperty().not());
        getChildren().setAll(include, permission);
    }

    boolean included() {
        return include.isSelected();
    }

    String vaultId() {
        return vault.vaultId();
    }

    Permission permission() {
        return permission.getValue();
    }
}
