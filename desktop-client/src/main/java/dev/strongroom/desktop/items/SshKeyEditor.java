package dev.strongroom.desktop.items;

import dev.strongroom.client.item.ItemData;
import dev.strongroom.client.item.ItemValidationException;
import dev.strongroom.client.item.SshKey;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.desktop.common.SecretField;
import dev.strongroom.desktop.common.Views;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * An SSH key pair: "Generate Ed25519" makes a new one with client-core's SSH support, or an
 * existing OpenSSH private key is pasted into a masked field. The private key is never shown; the
 * public key line and fingerprint are.
 */
final class SshKeyEditor implements TypeEditor {

    @FXML private TextField commentField;
    @FXML private Button generateKeyButton;
    @FXML private SecretField privateKeyField;
    @FXML private TextField publicKeyField;
    @FXML private Label fingerprintLabel;

    private final Parent view = Views.load(this, "ssh-key-editor.fxml");

    /** The generated or loaded key pair (owned here, wiped in {@link #wipe()}). */
    private SshKey current;

    SshKeyEditor() {
        generateKeyButton.setOnAction(e -> generate());
    }

    @Override
    public Parent view() {
        return view;
    }

    private void generate() {
        show(SshKey.generateEd25519(LoginEditor.blankToNull(commentField.getText())));
        privateKeyField.wipe();
    }

    private void show(SshKey key) {
        wipeCurrent();
        current = key;
        publicKeyField.setText(key.publicKey());
        fingerprintLabel.setText(key.fingerprint());
        fingerprintLabel.setAccessibleText("Fingerprint " + key.fingerprint());
    }

    @Override
    public void load(ItemData data) {
        SshKey key = (SshKey) data;
        commentField.setText(key.comment() == null ? "" : key.comment());
        show(
                new SshKey(
                        key.privateKey().copy(),
                        key.publicKey(),
                        key.fingerprint(),
                        key.comment()));
    }

    @Override
    public ItemData build() {
        String comment = LoginEditor.blankToNull(commentField.getText());
        SecretText pasted = privateKeyField.toSecretText();
        if (pasted != null) {
            SshKey read;
            try {
                read = SshKey.fromOpenSsh(pasted, null); // owns pasted once it succeeds
            } catch (RuntimeException e) {
                pasted.wipe();
                throw e;
            }
            try {
                return new SshKey(read.privateKey(), read.publicKey(), read.fingerprint(), comment);
            } catch (RuntimeException e) {
                read.wipe();
                throw e;
            }
        }
        if (current == null) {
            throw new ItemValidationException(
                    "ssh_key.privateKey", "generate a key or paste an OpenSSH private key");
        }
        SecretText copy = current.privateKey().copy();
        try {
            return new SshKey(copy, current.publicKey(), current.fingerprint(), comment);
        } catch (RuntimeException e) {
            copy.wipe();
            throw e;
        }
    }

    private void wipeCurrent() {
        if (current != null) {
            current.wipe();
            current = null;
        }
    }

    @Override
    public void wipe() {
        wipeCurrent();
        privateKeyField.wipe();
    }
}
