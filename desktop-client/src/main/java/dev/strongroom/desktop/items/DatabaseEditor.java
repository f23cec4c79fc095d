package dev.strongroom.desktop.items;

import dev.strongroom.client.item.DatabaseCredential;
import dev.strongroom.client.item.ItemData;
import dev.strongroom.client.item.ItemValidationException;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.desktop.app.AppContext;
import dev.strongroom.desktop.common.SecretField;
import dev.strongroom.desktop.common.Views;
import dev.strongroom.desktop.generator.PasswordGeneratorDialog;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;

/** Engine, host, port, database, user and password of a database server. */
final class DatabaseEditor implements TypeEditor {

    @FXML private ComboBox<String> engineBox;
    @FXML private TextField hostField;
    @FXML private TextField portField;
    @FXML private TextField databaseField;
    @FXML private TextField userField;
    @FXML private SecretField dbPasswordField;
    @FXML private Button generateDbPasswordButton;

    private final Parent view = Views.load(this, "database-editor.fxml");

    DatabaseEditor(AppContext context) {
        engineBox.getItems().setAll("postgresql", "mysql", "mariadb", "sqlserver", "oracle");
        engineBox.setValue("postgresql");
        portField.setText("5432");
        generateDbPasswordButton.setOnAction(
                e -> PasswordGeneratorDialog.open(context, dbPasswordField));
    }

    @Override
    public Parent view() {
        return view;
    }

    @Override
    public void load(ItemData data) {
        DatabaseCredential db = (DatabaseCredential) data;
        engineBox.setValue(db.engine());
        hostField.setText(db.host());
        portField.setText(Integer.toString(db.port()));
        databaseField.setText(db.database() == null ? "" : db.database());
        userField.setText(db.user() == null ? "" : db.user());
        LoginEditor.fill(dbPasswordField, db.password());
    }

    @Override
    public ItemData build() {
        int port = port(portField.getText());
        String engine = engineBox.getEditor().getText();
        SecretText password = dbPasswordField.toSecretText();
        try {
            return new DatabaseCredential(
                    engine == null ? null : engine.strip(),
                    hostField.getText().strip(),
                    port,
                    LoginEditor.blankToNull(databaseField.getText()),
                    LoginEditor.blankToNull(userField.getText()),
                    password);
        } catch (RuntimeException e) {
            LoginEditor.wipe(password);
            throw e;
        }
    }

    /** The port as a number; anything else gets the same message as an out-of-range one. */
    static int port(String text) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new ItemValidationException("database.port", "must be a number from 1 to 65535");
    }

    @Override
    public void wipe() {
        dbPasswordField.wipe();
    }
}
