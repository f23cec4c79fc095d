package dev.strongroom.desktop.items;

import dev.strongroom.client.item.ItemType;
import dev.strongroom.desktop.app.AppContext;
import java.util.List;
import java.util.Optional;

/** Which item types have an editor, and the editor for each. */
public final class TypeEditors {

    private TypeEditors() {}

    /** The types that can be created and edited, in menu order. */
    public static List<ItemType> editable() {
        return List.of(
                ItemType.LOGIN,
                ItemType.API_KEY,
                ItemType.DATABASE,
                ItemType.SSH_KEY,
                ItemType.CERTIFICATE,
                ItemType.ENVIRONMENT,
                ItemType.SECURE_NOTE);
    }

    static Optional<TypeEditor> forType(ItemType type, AppContext context) {
        switch (type) {
            case LOGIN:
                return Optional.of(new LoginEditor(context));
            case API_KEY:
                return Optional.of(new ApiKeyEditor());
            case DATABASE:
                return Optional.of(new DatabaseEditor(context));
            case SSH_KEY:
                return Optional.of(new SshKeyEditor());
            case CERTIFICATE:
                return Optional.of(new CertificateEditor());
            case ENVIRONMENT:
                return Optional.of(new EnvironmentEditor());
            case SECURE_NOTE:
                return Optional.of(new SecureNoteEditor());
            default:
                return Optional.empty();
        }
    }
}
