package dev.strongroom.desktop.items;

import dev.strongroom.client.item.ItemData;
import dev.strongroom.client.item.Login;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.desktop.app.AppContext;
import dev.strongroom.desktop.common.SecretField;
import dev.strongroom.desktop.common.Views;
import dev.strongroom.desktop.generator.PasswordGeneratorDialog;
import java.util.Arrays;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/** Username, password, URLs (one per line) and an optional TOTP secret or otpauth:// URI. */
final class LoginEditor implements TypeEditor {

    @FXML private TextField usernameField;
    @FXML private SecretField passwordField;
    @FXML private TextArea urlsArea;
    @FXML private SecretField totpField;
    @FXML private Button generatePasswordButton;

    private final Parent view = Views.load(this, "login-editor.fxml");

    LoginEditor(AppContext context) {
        generatePasswordButton.setOnAction(
                e -> PasswordGeneratorDialog.open(context, passwordField));
    }

    @Override
    public Parent view() {
        return view;
    }

    @Override
    public void load(ItemData data) {
        Login login = (Login) data;
        usernameField.setText(login.username() == null ? "" : login.username());
        fill(passwordField, login.password());
        urlsArea.setText(String.join("\n", login.urls()));
        fill(totpField, login.totp());
    }

    static void fill(SecretField field, SecretText value) {
        if (value == null) {
            field.wipe();
            return;
        }
        char[] chars = value.chars();
        try {
            field.setSecret(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    @Override
    public ItemData build() {
        SecretText password = passwordField.toSecretText();
        SecretText totp = totpField.toSecretText();
        try {
            return new Login(
                    blankToNull(usernameField.getText()),
                    password,
                    lines(urlsArea.getText()),
                    totp);
        } catch (RuntimeException e) {
            wipe(password);
            wipe(totp);
            throw e;
        }
    }

    static void wipe(SecretText s) {
        if (s != null) {
            s.wipe();
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static List<String> lines(String text) {
        return text == null
                ? List.of()
                : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    @Override
    public void wipe() {
        passwordField.wipe();
        totpField.wipe();
    }
}
