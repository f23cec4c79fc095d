package dev.strongroom.desktop.items;

import dev.strongroom.client.item.ApiKey;
import dev.strongroom.client.item.ItemData;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.desktop.common.SecretField;
import dev.strongroom.desktop.common.Views;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.TextField;

/** An optional key id (e.g. an access key id) and the secret key itself. */
final class ApiKeyEditor implements TypeEditor {

    @FXML private TextField keyIdField;
    @FXML private SecretField keyField;

    private final Parent view = Views.load(this, "api-key-editor.fxml");

    @Override
    public Parent view() {
        return view;
    }

    @Override
    public void load(ItemData data) {
        ApiKey key = (ApiKey) data;
        keyIdField.setText(key.keyId() == null ? "" : key.keyId());
        LoginEditor.fill(keyField, key.key());
    }

    @Override
    public ItemData build() {
        SecretText key = keyField.toSecretText();
        try {
            return new ApiKey(LoginEditor.blankToNull(keyIdField.getText()), key);
        } catch (RuntimeException e) {
            LoginEditor.wipe(key);
            throw e;
        }
    }

    @Override
    public void wipe() {
        keyField.wipe();
    }
}
