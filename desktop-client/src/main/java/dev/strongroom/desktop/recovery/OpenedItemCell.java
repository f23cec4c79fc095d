package dev.strongroom.desktop.recovery;

import javafx.scene.control.ListCell;

/** A row of the opened items: name, type, username and address (never a secret). */
final class OpenedItemCell extends ListCell<OpenedItem> {

    @Override
    protected void updateItem(OpenedItem item, boolean empty) {
        super.updateItem(item, empty);
        String text = empty || item == null ? null : item.line();
        setText(text);
        setAccessibleText(text);
    }
}
