package dev.strongroom.desktop.items;

import dev.strongroom.client.item.ItemType;
import java.util.List;
import java.util.Optional;

/** Which item types have an editor yet, and the editor for each. */
public final class TypeEditors {

    private TypeEditors() {}

    /** The types that can be created and edited, in menu order. */
    public static List<ItemType> editable() {
        return List.of(ItemType.LOGIN, ItemType.API_KEY, ItemType.SECURE_NOTE);
    }

    static Optional<TypeEditor> forType(ItemType type) {
        switch (type) {
            case LOGIN:
                return Optional.of(new LoginEditor());
            case API_KEY:
                return Optional.of(new ApiKeyEditor());
            case SECURE_NOTE:
                return Optional.of(new SecureNoteEditor());
            default:
                return Optional.empty();
        }
    }
}
