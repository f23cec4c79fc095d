package dev.strongroom.desktop.items;

import dev.strongroom.client.item.ItemData;
import dev.strongroom.client.item.SecureNote;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.desktop.common.Views;
import java.util.Arrays;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.TextArea;

/**
 * Free secret text. A multi-line secret needs a text area, which (like every JavaFX text control)
 * holds its content as a String: the note is a String while it is being edited. It is copied into a
 * wipeable {@link SecretText} on save and the area is cleared when the editor closes.
 */
final class SecureNoteEditor implements TypeEditor {

    @FXML private TextArea noteArea;

    private final Parent view = Views.load(this, "secure-note-editor.fxml");

    @Override
    public Parent view() {
        return view;
    }

    @Override
    public void load(ItemData data) {
        char[] chars = ((SecureNote) data).text().chars();
        noteArea.setText(new String(chars));
        Arrays.fill(chars, '\0');
    }

    @Override
    public ItemData build() {
        char[] chars = noteArea.getText().toCharArray();
        SecretText text = SecretText.takeOwnership(chars);
        try {
            return new SecureNote(text);
        } catch (RuntimeException e) {
            text.wipe();
            throw e;
        }
    }

    @Override
    public void wipe() {
        noteArea.clear();
    }
}
