package dev.strongroom.desktop.teams;

import dev.strongroom.client.automation.MachineToken;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.desktop.common.Views;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Shows a machine token exactly once. The token object is closed as soon as its text is taken; the
 * text lives in this dialog's field (a String, as JavaFX text controls need) and its char copy,
 * both wiped when the dialog is hidden (Close, Escape, or locking the app). Nothing keeps it
 * afterwards.
 */
final class MachineTokenDialog {

    @FXML private Label tokenTitle;
    @FXML private TextField tokenField;
    @FXML private Button copyTokenButton;
    @FXML private Button closeTokenButton;

    private final TeamsScope scope;
    private final Stage stage;
    private char[] text;

    MachineTokenDialog(TeamsScope scope, Window owner, String machineName, MachineToken token) {
        this.scope = scope;
        this.stage = scope.dialog(owner, Views.load(this, "machine-token.fxml"), "Machine token");
        try (token) {
            text = token.toChars();
        }
        tokenTitle.setText("Token of " + machineName);
        tokenField.setText(new String(text));
        copyTokenButton.setOnAction(e -> copy());
        closeTokenButton.setOnAction(e -> stage.hide());
        stage.setOnHidden(e -> wipe());
    }

    void show() {
        stage.show();
        tokenField.requestFocus();
        tokenField.selectAll();
    }

    private void copy() {
        if (text != null) {
            try (SecretText value = SecretText.copyOf(text)) {
                scope.context().clipboard().copy(value);
            }
        }
    }

    private void wipe() {
        tokenField.clear();
        if (text != null) {
            Bytes.wipe(text);
            text = null;
        }
    }
}
