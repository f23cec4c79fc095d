package dev.strongroom.desktop.items;

import dev.strongroom.client.item.ItemData;
import javafx.scene.Parent;

/**
 * The form for one item type's own fields, inside the item editor (which handles name, folder, tags
 * and notes). One implementation and one FXML per type; {@link TypeEditors} maps types to them, so
 * a new type slots in without touching the editor.
 */
interface TypeEditor {

    Parent view();

    /** Fills the form from an existing item (secrets are copied into the form's own arrays). */
    void load(ItemData data);

    /**
     * Builds the type's record from the form.
     *
     * @throws dev.strongroom.client.item.ItemValidationException with a plain message naming the
     *     field when a value is not allowed
     */
    ItemData build();

    /** Wipes any secret the form holds. */
    void wipe();
}
